package id.gapura.api.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * A region's non-working days: every Saturday and Sunday, plus its own list of holidays (national holidays
 * and cuti bersama, which differ per year and may differ per region).
 */
public final class HolidayCalendar {

    private final Set<LocalDate> holidays;

    public HolidayCalendar(Collection<LocalDate> holidays) {
        Objects.requireNonNull(holidays, "holidays");
        this.holidays = Set.copyOf(holidays);
    }

    /** A calendar where only weekends are non-working days. */
    public static HolidayCalendar weekendsOnly() {
        return new HolidayCalendar(Set.of());
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.contains(Objects.requireNonNull(date, "date"));
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = Objects.requireNonNull(date, "date").getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }
}
