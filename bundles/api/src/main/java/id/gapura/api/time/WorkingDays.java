package id.gapura.api.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Working-day arithmetic and deadlines for one region, in that region's time zone. */
public final class WorkingDays {

    /** WIB; regions in WITA use Asia/Makassar and regions in WIT Asia/Jayapura. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

    private final HolidayCalendar calendar;
    private final ZoneId zone;

    public WorkingDays(HolidayCalendar calendar, ZoneId zone) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public WorkingDays(HolidayCalendar calendar) {
        this(calendar, DEFAULT_ZONE);
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The region's calendar date at {@code instant}. */
    public LocalDate localDate(Instant instant) {
        return Objects.requireNonNull(instant, "instant").atZone(zone).toLocalDate();
    }

    /** The date {@code days} working days after {@code start}; {@code start} itself never counts. */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        Objects.requireNonNull(start, "start");
        requireNotNegative(days);
        LocalDate date = start;
        int remaining = days;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (calendar.isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /**
     * The last microsecond of the local day that is {@code workingDays} working days after submission.
     * A report submitted on a weekend or holiday is treated as received on the next working day, so the
     * agency gets the same full number of working days as for a report submitted that morning.
     */
    public Instant deadline(Instant submittedAt, int workingDays) {
        requireNotNegative(workingDays);
        LocalDate received = localDate(submittedAt);
        while (!calendar.isWorkingDay(received)) {
            received = received.plusDays(1);
        }
        return endOfDay(addWorkingDays(received, workingDays));
    }

    /**
     * The last microsecond of {@code date} in this zone, just before the next local midnight. Microseconds,
     * not nanoseconds: databases keep microseconds, and 23:59:59.999999999 would be stored as the next day.
     */
    public Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS);
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (calendar.isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** True once {@code now} is past the deadline; the deadline instant itself is still on time. */
    public boolean isOverdue(Instant deadline, Instant now) {
        return Objects.requireNonNull(now, "now").isAfter(Objects.requireNonNull(deadline, "deadline"));
    }

    private static void requireNotNegative(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Number of working days must not be negative, was " + days);
        }
    }
}
