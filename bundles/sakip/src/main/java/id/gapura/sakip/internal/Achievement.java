package id.gapura.sakip.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Achievement (capaian) of a realisation R against a target T, in percent, per PermenPAN-RB 53/2014:
 * <ul>
 *   <li>higher is better: R / T × 100</li>
 *   <li>lower is better: (2 − R / T) × 100, i.e. (2T − R) / T × 100</li>
 *   <li>a range [low, high]: 100 when low ≤ R ≤ high; below the range the higher-is-better formula against low,
 *       above it the lower-is-better formula against high</li>
 *   <li>a zero target (or zero nearest bound): not computable, with the reason; R / 0 has no value and no
 *       percentage would be honest</li>
 * </ul>
 * Arithmetic is exact BigDecimal with a single rounding at the end: {@value #SCALE} decimals, HALF_UP. No cap.
 *
 * @param percent the achievement, null when not computable
 * @param note    why it is not computable (percent null), or for an average what was left out; null otherwise
 */
public record Achievement(BigDecimal percent, String note) {

    public static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public static Achievement of(String note) {
        return new Achievement(null, note);
    }

    public boolean computable() {
        return percent != null;
    }

    /** R / T × 100. */
    public static Achievement higherIsBetter(BigDecimal realisation, BigDecimal target) {
        if (target.signum() == 0) {
            return of("not computable: the target is 0, and realisation / target has no value");
        }
        return new Achievement(realisation.multiply(HUNDRED).divide(target, SCALE, RoundingMode.HALF_UP), null);
    }

    /** (2 − R / T) × 100, computed as (2T − R) × 100 / T. */
    public static Achievement lowerIsBetter(BigDecimal realisation, BigDecimal target) {
        if (target.signum() == 0) {
            return of("not computable: the target is 0, and (2 - realisation / target) has no value");
        }
        return new Achievement(TWO.multiply(target).subtract(realisation).multiply(HUNDRED)
                .divide(target, SCALE, RoundingMode.HALF_UP), null);
    }

    /** 100 inside [low, high] (bounds included); outside, the formula against the nearest bound. */
    public static Achievement range(BigDecimal realisation, BigDecimal low, BigDecimal high) {
        if (realisation.compareTo(low) < 0) {
            return higherIsBetter(realisation, low);
        }
        if (realisation.compareTo(high) > 0) {
            return lowerIsBetter(realisation, high);
        }
        return new Achievement(HUNDRED.setScale(SCALE), null);
    }

    /** The achievement of an indicator of this direction; {@code high} only for a range. */
    public static Achievement of(Direction direction, BigDecimal realisation, BigDecimal target, BigDecimal high) {
        if (realisation == null) {
            return of("no realisation recorded");
        }
        if (target == null) {
            return of("no target");
        }
        return switch (direction) {
            case HIGHER_IS_BETTER -> higherIsBetter(realisation, target);
            case LOWER_IS_BETTER -> lowerIsBetter(realisation, target);
            case RANGE -> high == null ? of("no upper bound of the target range") : range(realisation, target, high);
        };
    }

    /**
     * The arithmetic mean of the computable achievements, {@value #SCALE} decimals HALF_UP (one rounding of the exact
     * sum divided by the count); not computable when none is.
     */
    public static Achievement average(Iterable<Achievement> achievements) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        int skipped = 0;
        for (Achievement achievement : achievements) {
            if (achievement.computable()) {
                sum = sum.add(achievement.percent());
                count++;
            } else {
                skipped++;
            }
        }
        if (count == 0) {
            return of(skipped == 0 ? "not computable: no indicators" : "not computable: no indicator's achievement is computable");
        }
        return new Achievement(sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_UP),
                skipped == 0 ? null : skipped + " indicator(s) without a computable achievement left out of the average");
    }
}
