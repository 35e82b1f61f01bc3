package id.gapura.api.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final ZoneId MAKASSAR = ZoneId.of("Asia/Makassar");
    private static final ZoneId JAYAPURA = ZoneId.of("Asia/Jayapura");

    // 2026-03-02 is a Monday; 2026-12-24 (Thu, cuti bersama), 2026-12-25 (Fri) and 2027-01-01 (Fri) are holidays.
    private static final HolidayCalendar CALENDAR = new HolidayCalendar(List.of(
            LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));

    private final WorkingDays jakarta = new WorkingDays(CALENDAR);

    @Test
    void defaultZoneIsJakarta() {
        assertEquals(JAKARTA, jakarta.zone());
    }

    @Test
    void addWithinOneWeek() {
        assertEquals(LocalDate.of(2026, 3, 5), jakarta.addWorkingDays(LocalDate.of(2026, 3, 2), 3));
    }

    @Test
    void addAcrossAWeekend() {
        assertEquals(LocalDate.of(2026, 3, 10), jakarta.addWorkingDays(LocalDate.of(2026, 3, 5), 3));
    }

    @Test
    void addOneFromFridayIsMonday() {
        assertEquals(LocalDate.of(2026, 3, 9), jakarta.addWorkingDays(LocalDate.of(2026, 3, 6), 1));
    }

    @Test
    void addFromSaturdayDoesNotCountTheSaturday() {
        assertEquals(LocalDate.of(2026, 3, 9), jakarta.addWorkingDays(LocalDate.of(2026, 3, 7), 1));
        assertEquals(LocalDate.of(2026, 3, 13), jakarta.addWorkingDays(LocalDate.of(2026, 3, 7), 5));
    }

    @Test
    void addZeroReturnsStartEvenOnAWeekend() {
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        assertEquals(saturday, jakarta.addWorkingDays(saturday, 0));
    }

    @Test
    void addNegativeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> jakarta.addWorkingDays(LocalDate.of(2026, 3, 2), -1));
    }

    @Test
    void addSkipsCutiBersamaChristmasAndTheWeekend() {
        assertEquals(LocalDate.of(2026, 12, 28), jakarta.addWorkingDays(LocalDate.of(2026, 12, 23), 1));
    }

    @Test
    void addAcrossYearEndSkipsNewYear() {
        assertEquals(LocalDate.of(2027, 1, 4), jakarta.addWorkingDays(LocalDate.of(2026, 12, 23), 5));
    }

    @Test
    void withoutHolidaysTheSameSpanIsShorter() {
        WorkingDays weekendsOnly = new WorkingDays(HolidayCalendar.weekendsOnly());
        assertEquals(LocalDate.of(2026, 12, 30), weekendsOnly.addWorkingDays(LocalDate.of(2026, 12, 23), 5));
    }

    @Test
    void deadlineIsTheLastMicrosecondOfTheLocalDay() {
        Instant submitted = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, JAKARTA).toInstant();
        Instant deadline = jakarta.deadline(submitted, 3);

        assertEquals(Instant.parse("2026-03-05T16:59:59.999999Z"), deadline);
        ZonedDateTime local = deadline.atZone(JAKARTA);
        assertEquals(LocalDate.of(2026, 3, 5), local.toLocalDate());
        assertEquals(LocalTime.MAX.truncatedTo(java.time.temporal.ChronoUnit.MICROS), local.toLocalTime());
        assertEquals(ZonedDateTime.of(2026, 3, 6, 0, 0, 0, 0, JAKARTA).toInstant(), deadline.plusNanos(1000));
    }

    @Test
    void deadlineOfZeroDaysIsTheEndOfTheSubmissionDay() {
        Instant submitted = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, JAKARTA).toInstant();
        assertEquals(Instant.parse("2026-03-02T16:59:59.999999Z"), jakarta.deadline(submitted, 0));
    }

    @Test
    void deadlineCountsFromTheJakartaDateNotTheUtcDate() {
        // 17:30 UTC on Monday is already 00:30 on Tuesday in Jakarta.
        Instant submitted = Instant.parse("2026-03-02T17:30:00Z");
        assertEquals(LocalDate.of(2026, 3, 3), jakarta.localDate(submitted));
        assertEquals(Instant.parse("2026-03-06T16:59:59.999999Z"), jakarta.deadline(submitted, 3));

        WorkingDays utc = new WorkingDays(CALENDAR, ZoneId.of("UTC"));
        assertEquals(Instant.parse("2026-03-05T23:59:59.999999Z"), utc.deadline(submitted, 3));
    }

    @Test
    void deadlineInJayapuraEndsAtJayapuraMidnight() {
        WorkingDays jayapura = new WorkingDays(CALENDAR, JAYAPURA);
        Instant submitted = Instant.parse("2026-03-02T17:30:00Z");
        assertEquals(LocalDate.of(2026, 3, 3), jayapura.localDate(submitted));
        assertEquals(Instant.parse("2026-03-06T14:59:59.999999Z"), jayapura.deadline(submitted, 3));
    }

    @Test
    void sameInstantFallsOnDifferentDatesInWibAndWita() {
        // 23:30 Monday in Jakarta, 00:30 Tuesday in Makassar.
        Instant submitted = Instant.parse("2026-03-02T16:30:00Z");
        WorkingDays makassar = new WorkingDays(CALENDAR, MAKASSAR);
        assertEquals(Instant.parse("2026-03-05T16:59:59.999999Z"), jakarta.deadline(submitted, 3));
        assertEquals(Instant.parse("2026-03-06T15:59:59.999999Z"), makassar.deadline(submitted, 3));
    }

    @Test
    void reportSubmittedFridayEveningCountsFromFriday() {
        Instant friday = OffsetDateTime.parse("2026-03-06T20:00:00+07:00").toInstant();
        assertEquals(LocalDate.of(2026, 3, 11), jakarta.localDate(jakarta.deadline(friday, 3)));
    }

    @Test
    void reportSubmittedOnSaturdayIsTreatedAsReceivedOnMonday() {
        Instant saturday = OffsetDateTime.parse("2026-03-07T10:00:00+07:00").toInstant();
        Instant monday = OffsetDateTime.parse("2026-03-09T08:00:00+07:00").toInstant();
        assertEquals(Instant.parse("2026-03-12T16:59:59.999999Z"), jakarta.deadline(saturday, 3));
        assertEquals(jakarta.deadline(monday, 3), jakarta.deadline(saturday, 3));
    }

    @Test
    void reportSubmittedOnAHolidayCountsFromTheNextWorkingDay() {
        Instant christmasEve = OffsetDateTime.parse("2026-12-24T10:00:00+07:00").toInstant();
        assertEquals(LocalDate.of(2026, 12, 29), jakarta.localDate(jakarta.deadline(christmasEve, 1)));
        assertEquals(LocalDate.of(2027, 1, 5), jakarta.localDate(jakarta.deadline(christmasEve, 5)));
    }

    @Test
    void deadlineWithNegativeDaysIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> jakarta.deadline(Instant.now(), -3));
    }

    @Test
    void overdueOnlyAfterTheDeadlineInstant() {
        Instant deadline = Instant.parse("2026-03-05T16:59:59.999999Z");
        assertFalse(jakarta.isOverdue(deadline, deadline.minusSeconds(3600)));
        assertFalse(jakarta.isOverdue(deadline, deadline));
        assertTrue(jakarta.isOverdue(deadline, deadline.plusNanos(1)));
    }

    @Test
    void workingDaysBetweenExcludesFromAndIncludesTo() {
        assertEquals(5, jakarta.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9)));
        assertEquals(1, jakarta.workingDaysBetween(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9)));
        assertEquals(0, jakarta.workingDaysBetween(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 8)));
    }

    @Test
    void workingDaysBetweenIsZeroWhenToIsNotAfterFrom() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertEquals(0, jakarta.workingDaysBetween(monday, monday));
        assertEquals(0, jakarta.workingDaysBetween(monday, monday.minusDays(10)));
    }

    @Test
    void workingDaysBetweenSkipsHolidaysAcrossYearEnd() {
        assertEquals(5, jakarta.workingDaysBetween(LocalDate.of(2026, 12, 23), LocalDate.of(2027, 1, 4)));
    }

    @Test
    void workingDaysBetweenUndoesAddWorkingDays() {
        for (LocalDate start = LocalDate.of(2026, 12, 14); start.isBefore(LocalDate.of(2027, 1, 8));
                start = start.plusDays(1)) {
            for (int days = 0; days <= 25; days++) {
                LocalDate end = jakarta.addWorkingDays(start, days);
                assertEquals(days, jakarta.workingDaysBetween(start, end), start + " + " + days);
            }
        }
    }
}
