package id.gapura.sakip.internal;

import java.util.Locale;
import java.util.Optional;

/** Which way an indicator is good: more, less, or inside a target range [low, high]. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, RANGE;

    public static Optional<Direction> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
