package id.gapura.core.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times of the audit log as people read and type them: in the region's zone. Entries are stored as instants
 * (UTC).
 */
public final class AuditTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditTimes() {
    }

    /**
     * The instant a {@code since} filter means: a date ({@code 2026-03-01}, from its start in the zone), a
     * local date and time ({@code 2026-03-01T08:00}) in the zone, or a date and time with offset
     * ({@code 2026-03-01T08:00:00+07:00}).
     *
     * @throws IllegalArgumentException with a sentence saying what is expected
     */
    public static Instant parseSince(String text, ZoneId zone) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date like 2026-03-01 or a time like "
                    + "2026-03-01T08:00 (in " + zone.getId() + ")");
        }
    }

    /** {@code 2026-03-01 08:00:05} in the zone. */
    public static String format(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone));
    }

    public static OffsetDateTime inZone(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
