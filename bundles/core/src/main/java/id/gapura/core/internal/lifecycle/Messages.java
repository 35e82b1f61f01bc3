package id.gapura.core.internal.lifecycle;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** How the lifecycle words what it reports: durations, a failure's first line, a caller's note. */
final class Messages {

    private Messages() {
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static Duration elapsedSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    static String withNote(String detail, String note) {
        return note == null || note.isBlank() ? detail : detail + " [" + note + "]";
    }

    /** The first line of the first message in the chain of causes, ending with a full stop. */
    static String firstLine(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName()).strip();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline).strip();
        return line.endsWith(".") ? line : line + ".";
    }
}
