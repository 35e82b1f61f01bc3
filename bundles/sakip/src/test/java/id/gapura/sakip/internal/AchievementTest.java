package id.gapura.sakip.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every achievement formula of the domain notes, with zero targets and the edges of ranges. */
class AchievementTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static void percent(String expected, Achievement achievement) {
        assertTrue(achievement.computable(), achievement.toString());
        assertEquals(d(expected), achievement.percent());
    }

    @Test
    void higherIsBetterIsRealisationOverTarget() {
        percent("95.00", Achievement.higherIsBetter(d("95"), d("100")));
        percent("120.00", Achievement.higherIsBetter(d("120"), d("100")));
        percent("0.00", Achievement.higherIsBetter(d("0"), d("80")));
        // 2/3 = 66.666... rounds HALF_UP once, at the end
        percent("66.67", Achievement.higherIsBetter(d("2"), d("3")));
        percent("33.33", Achievement.higherIsBetter(d("1"), d("3")));
        percent("100.01", Achievement.higherIsBetter(d("1.00005"), d("1")));
    }

    @Test
    void lowerIsBetterIsTwoMinusRealisationOverTarget() {
        // poverty rate: target 10%, realised 8% -> (2 - 0.8) x 100 = 120
        percent("120.00", Achievement.lowerIsBetter(d("8"), d("10")));
        percent("100.00", Achievement.lowerIsBetter(d("10"), d("10")));
        percent("80.00", Achievement.lowerIsBetter(d("12"), d("10")));
        percent("0.00", Achievement.lowerIsBetter(d("20"), d("10")));
        // more than twice the target: negative, not capped
        percent("-50.00", Achievement.lowerIsBetter(d("25"), d("10")));
        percent("200.00", Achievement.lowerIsBetter(d("0"), d("10")));
        // (2 - 2/3) x 100 = 133.333...
        percent("133.33", Achievement.lowerIsBetter(d("2"), d("3")));
        percent("166.67", Achievement.lowerIsBetter(d("1"), d("3")));
    }

    @Test
    void aZeroTargetIsNotComputableWithItsReason() {
        Achievement higher = Achievement.higherIsBetter(d("5"), d("0"));
        assertFalse(higher.computable());
        assertNull(higher.percent());
        assertTrue(higher.note().contains("target is 0"), higher.note());
        Achievement lower = Achievement.lowerIsBetter(d("0"), d("0.000"));
        assertFalse(lower.computable());
        assertTrue(lower.note().contains("target is 0"), lower.note());
        assertFalse(Achievement.of(Direction.HIGHER_IS_BETTER, d("0"), d("0"), null).computable());
    }

    @Test
    void insideARangeIsAHundredBoundsIncluded() {
        percent("100.00", Achievement.range(d("5"), d("4"), d("6")));
        percent("100.00", Achievement.range(d("4"), d("4"), d("6")));
        percent("100.00", Achievement.range(d("6"), d("4"), d("6")));
        percent("100.00", Achievement.range(d("5"), d("5"), d("5")));
    }

    @Test
    void belowARangeIsHigherIsBetterAgainstTheLowBound() {
        percent("75.00", Achievement.range(d("3"), d("4"), d("6")));
        percent("99.75", Achievement.range(d("3.99"), d("4"), d("6")));
    }

    @Test
    void aboveARangeIsLowerIsBetterAgainstTheHighBound() {
        percent("50.00", Achievement.range(d("9"), d("4"), d("6")));
        percent("99.83", Achievement.range(d("6.01"), d("4"), d("6")));
    }

    @Test
    void aRangeWithAZeroNearestBoundIsNotComputableOutsideIt() {
        percent("100.00", Achievement.range(d("0"), d("0"), d("2")));
        assertFalse(Achievement.range(d("-1"), d("0"), d("2")).computable());
        assertFalse(Achievement.range(d("1"), d("-1"), d("0")).computable());
    }

    @Test
    void byDirection() {
        percent("90.00", Achievement.of(Direction.HIGHER_IS_BETTER, d("90"), d("100"), null));
        percent("110.00", Achievement.of(Direction.LOWER_IS_BETTER, d("90"), d("100"), null));
        percent("100.00", Achievement.of(Direction.RANGE, d("90"), d("80"), d("100")));
        assertEquals("no realisation recorded", Achievement.of(Direction.RANGE, null, d("80"), d("100")).note());
    }

    @Test
    void anAverageIsOfTheComputableAchievementsRoundedOnce() {
        percent("100.00", Achievement.average(List.of(Achievement.higherIsBetter(d("90"), d("100")),
                Achievement.lowerIsBetter(d("90"), d("100")))));
        // (100 + 100 + 66.67) / 3 = 88.89
        percent("88.89", Achievement.average(List.of(new Achievement(d("100.00"), null), new Achievement(d("100.00"), null),
                new Achievement(d("66.67"), null))));
        Achievement skipped = Achievement.average(List.of(new Achievement(d("80.00"), null), Achievement.higherIsBetter(d("1"), d("0"))));
        percent("80.00", skipped);
        assertTrue(skipped.note().startsWith("1 indicator(s)"), skipped.note());
        assertFalse(Achievement.average(List.of(Achievement.higherIsBetter(d("1"), d("0")))).computable());
        assertFalse(Achievement.average(List.of()).computable());
    }
}
