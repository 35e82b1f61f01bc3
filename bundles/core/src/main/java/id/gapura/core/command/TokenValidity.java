package id.gapura.core.command;

import java.time.Duration;
import java.util.Locale;

/** A token validity as typed in the console: a number and a unit, {@code 90m}, {@code 8h}, {@code 30d}. */
public final class TokenValidity {

    private TokenValidity() {
    }

    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.length() >= 2) {
            try {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                switch (value.charAt(value.length() - 1)) {
                    case 's': return Duration.ofSeconds(amount);
                    case 'm': return Duration.ofMinutes(amount);
                    case 'h': return Duration.ofHours(amount);
                    case 'd': return Duration.ofDays(amount);
                    default: break;
                }
            } catch (NumberFormatException e) {
                // said below
            }
        }
        throw new IllegalArgumentException("--valid must be a number and a unit, like 90m, 8h or 30d, not '"
                + text + "'.");
    }
}
