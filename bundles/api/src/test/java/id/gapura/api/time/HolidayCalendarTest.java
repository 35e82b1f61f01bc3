package id.gapura.api.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    private static final LocalDate CUTI_BERSAMA = LocalDate.of(2026, 12, 24);
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    private final HolidayCalendar calendar = new HolidayCalendar(List.of(CUTI_BERSAMA, CHRISTMAS));

    @Test
    void weekdaysAreWorkingDays() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 3, 2)), "Monday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 3, 6)), "Friday");
    }

    @Test
    void weekendsAreNotWorkingDays() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 7)), "Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 8)), "Sunday");
    }

    @Test
    void holidaysOnWeekdaysAreNotWorkingDays() {
        assertFalse(calendar.isWorkingDay(CUTI_BERSAMA));
        assertFalse(calendar.isWorkingDay(CHRISTMAS));
        assertTrue(calendar.isHoliday(CHRISTMAS));
        assertFalse(calendar.isHoliday(LocalDate.of(2026, 12, 23)));
    }

    @Test
    void calendarDoesNotChangeWhenTheSourceListDoes() {
        List<LocalDate> source = new ArrayList<>(List.of(CHRISTMAS));
        HolidayCalendar copy = new HolidayCalendar(source);
        source.add(LocalDate.of(2026, 12, 23));
        assertTrue(copy.isWorkingDay(LocalDate.of(2026, 12, 23)));
        assertThrows(UnsupportedOperationException.class, () -> copy.holidays().add(CUTI_BERSAMA));
    }

    @Test
    void weekendsOnlyCalendarHasNoHolidays() {
        assertTrue(HolidayCalendar.weekendsOnly().isWorkingDay(CHRISTMAS));
        assertFalse(HolidayCalendar.weekendsOnly().isWorkingDay(LocalDate.of(2026, 12, 26)));
    }
}
