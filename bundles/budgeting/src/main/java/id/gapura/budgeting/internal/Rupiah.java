package id.gapura.budgeting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rupiah the Indonesian way: {@code Rp1.250.000.000}, sen after a comma only when there are any. */
public final class Rupiah {

    private Rupiah() {
    }

    public static String format(BigDecimal amount) {
        BigDecimal value = amount.setScale(2, RoundingMode.UNNECESSARY);
        boolean negative = value.signum() < 0;
        value = value.abs();
        String whole = value.toBigInteger().toString();
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(whole.charAt(i));
        }
        int sen = value.remainder(BigDecimal.ONE).movePointRight(2).intValueExact();
        return (negative ? "-" : "") + "Rp" + grouped + (sen == 0 ? "" : String.format(",%02d", sen));
    }
}
