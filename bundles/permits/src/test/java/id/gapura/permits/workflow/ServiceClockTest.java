package id.gapura.permits.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.gapura.api.time.HolidayCalendar;
import id.gapura.api.time.WorkingDays;
import id.gapura.permits.workflow.Workflow.ClockChange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceClockTest {

    // 2026-03-02 is a Monday; 2026-03-19 and 2026-03-20 (Thu, Fri) are holidays (Nyepi, cuti bersama).
    private final WorkingDays days = new WorkingDays(new HolidayCalendar(List.of(
            LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 20))));

    private static Instant wib(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
    }

    @Test
    void aDraftsClockHasNotStarted() {
        ServiceClock clock = ServiceClock.notStarted(5);
        ServiceClock.ClockView view = clock.view(days, wib("2026-03-10T10:00:00"));
        assertEquals(ClockState.NOT_STARTED, view.state());
        assertEquals(0, view.daysUsed());
        assertEquals(5, view.daysRemaining());
        assertNull(view.deadline());
        assertFalse(view.overdue());
    }

    @Test
    void runningClockCountsWorkingDaysAfterFilingAndShowsTheDeadline() {
        ServiceClock clock = ServiceClock.notStarted(5).apply(ClockChange.START, days, wib("2026-03-02T09:00:00"));
        assertEquals(0, clock.daysUsed(days, wib("2026-03-02T16:00:00")), "the filing day does not count");
        ServiceClock.ClockView wednesday = clock.view(days, wib("2026-03-04T10:00:00"));
        assertEquals(ClockState.RUNNING, wednesday.state());
        assertEquals(2, wednesday.daysUsed());
        assertEquals(3, wednesday.daysRemaining());
        assertEquals(days.deadline(wib("2026-03-02T09:00:00"), 5), wednesday.deadline());
        assertEquals(Instant.parse("2026-03-09T16:59:59.999999Z"), wednesday.deadline(), "Monday 23:59:59 WIB");
        assertFalse(wednesday.overdue());
        assertTrue(wednesday.nearing(3));
        assertFalse(wednesday.nearing(2));
    }

    @Test
    void overdueTheDayAfterTheDeadlineDay() {
        ServiceClock clock = ServiceClock.notStarted(5).apply(ClockChange.START, days, wib("2026-03-02T09:00:00"));
        ServiceClock.ClockView deadlineDay = clock.view(days, wib("2026-03-09T23:00:00"));
        assertEquals(5, deadlineDay.daysUsed());
        assertFalse(deadlineDay.overdue());
        assertTrue(deadlineDay.nearing(0));
        ServiceClock.ClockView dayAfter = clock.view(days, wib("2026-03-10T08:00:00"));
        assertEquals(6, dayAfter.daysUsed());
        assertEquals(-1, dayAfter.daysRemaining());
        assertTrue(dayAfter.overdue());
        assertFalse(dayAfter.nearing(3), "overdue is not nearing");
    }

    @Test
    void weekendsAndHolidaysDoNotCount() {
        ServiceClock clock = ServiceClock.notStarted(10).apply(ClockChange.START, days, wib("2026-03-18T09:00:00"));
        // Thu 19 and Fri 20 are holidays, then the weekend: Monday 23 is the first working day used
        assertEquals(0, clock.daysUsed(days, wib("2026-03-22T12:00:00")));
        assertEquals(1, clock.daysUsed(days, wib("2026-03-23T12:00:00")));
    }

    @Test
    void filedOnSaturdayCountsFromMondayLikeTheRegionsDeadlines() {
        ServiceClock clock = ServiceClock.notStarted(3).apply(ClockChange.START, days, wib("2026-03-07T10:00:00"));
        assertEquals(0, clock.daysUsed(days, wib("2026-03-09T15:00:00")), "Monday is the day it counts as received");
        assertEquals(1, clock.daysUsed(days, wib("2026-03-10T15:00:00")));
        assertEquals(days.deadline(wib("2026-03-07T10:00:00"), 3), clock.view(days, wib("2026-03-09T15:00:00")).deadline());
    }

    @Test
    void returnedAsIncompleteStopsTheClockUntilResubmitted() {
        ServiceClock running = ServiceClock.notStarted(5).apply(ClockChange.START, days, wib("2026-03-02T09:00:00"));
        ServiceClock paused = running.apply(ClockChange.PAUSE, days, wib("2026-03-04T11:00:00"));
        assertEquals(ClockState.PAUSED, paused.state());
        assertEquals(2, paused.daysUsedBefore());

        ServiceClock.ClockView whilePaused = paused.view(days, wib("2026-03-13T10:00:00"));
        assertEquals(2, whilePaused.daysUsed(), "a week with the applicant does not count");
        assertEquals(3, whilePaused.daysRemaining());
        assertNull(whilePaused.deadline());
        assertFalse(whilePaused.overdue());

        ServiceClock resumed = paused.apply(ClockChange.RESUME, days, wib("2026-03-16T09:00:00"));
        assertEquals(2, resumed.daysUsed(days, wib("2026-03-16T17:00:00")), "the resubmission day does not count");
        assertEquals(3, resumed.daysUsed(days, wib("2026-03-17T10:00:00")));
        // 3 working days after Monday 16: Tue 17, Wed 18, then Mon 23 (Thu 19, Fri 20 holidays, weekend)
        assertEquals(days.endOfDay(LocalDate.of(2026, 3, 23)), resumed.view(days, wib("2026-03-17T10:00:00")).deadline());
    }

    @Test
    void severalReturnsAddUpTheRunningPeriodsOnly() {
        ServiceClock clock = ServiceClock.notStarted(5)
                .apply(ClockChange.START, days, wib("2026-03-02T09:00:00"))
                .apply(ClockChange.PAUSE, days, wib("2026-03-03T09:00:00"))      // 1 day used
                .apply(ClockChange.RESUME, days, wib("2026-03-09T09:00:00"))
                .apply(ClockChange.PAUSE, days, wib("2026-03-11T09:00:00"))      // 2 more
                .apply(ClockChange.RESUME, days, wib("2026-03-12T09:00:00"));
        assertEquals(3, clock.daysUsedBefore());
        assertEquals(4, clock.daysUsed(days, wib("2026-03-13T09:00:00")));
    }

    @Test
    void aDecisionStopsTheClockForGood() {
        ServiceClock stopped = ServiceClock.notStarted(5)
                .apply(ClockChange.START, days, wib("2026-03-02T09:00:00"))
                .apply(ClockChange.STOP, days, wib("2026-03-05T09:00:00"));
        assertEquals(ClockState.STOPPED, stopped.state());
        ServiceClock.ClockView later = stopped.view(days, wib("2026-06-01T09:00:00"));
        assertEquals(3, later.daysUsed());
        assertEquals(2, later.daysRemaining());
        assertNull(later.deadline());
        assertThrows(IllegalStateException.class, () -> stopped.apply(ClockChange.RESUME, days, Instant.now()));
    }

    @Test
    void returnedAfterTheDeadlineStaysOverdueWhenResumed() {
        ServiceClock clock = ServiceClock.notStarted(2)
                .apply(ClockChange.START, days, wib("2026-03-02T09:00:00"))
                .apply(ClockChange.PAUSE, days, wib("2026-03-05T09:00:00"))
                .apply(ClockChange.RESUME, days, wib("2026-03-09T09:00:00"));
        ServiceClock.ClockView view = clock.view(days, wib("2026-03-09T10:00:00"));
        assertEquals(3, view.daysUsed());
        assertTrue(view.overdue());
        assertNull(view.deadline(), "the deadline passed before the resubmission");
    }

    @Test
    void changesOutOfOrderAreRefused() {
        ServiceClock draft = ServiceClock.notStarted(5);
        assertThrows(IllegalStateException.class, () -> draft.apply(ClockChange.PAUSE, days, Instant.now()));
        assertThrows(IllegalStateException.class, () -> draft.apply(ClockChange.RESUME, days, Instant.now()));
        ServiceClock running = draft.apply(ClockChange.START, days, Instant.now());
        assertThrows(IllegalStateException.class, () -> running.apply(ClockChange.START, days, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new ServiceClock(5, ClockState.RUNNING, 0, null));
        assertThrows(IllegalArgumentException.class, () -> ServiceClock.notStarted(-1));
        assertEquals(running, running.apply(ClockChange.NONE, days, Instant.now()));
    }
}
