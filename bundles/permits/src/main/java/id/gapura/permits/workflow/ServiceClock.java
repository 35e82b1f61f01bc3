package id.gapura.permits.workflow;

import id.gapura.api.time.WorkingDays;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An application's service-level clock in working days of the region's calendar. It runs from filing,
 * stops while the application is back with the applicant as incomplete, and stops for good at the decision.
 * Like {@link WorkingDays#deadline}, a running period that begins on a weekend or holiday counts from the next
 * working day, and the day it begins on never counts: filed on Monday, Tuesday is the first working day used.
 * Immutable; each change returns a new clock.
 *
 * @param slaDays        the service level of the permit type when the application was filed
 * @param state          whether the clock counts
 * @param daysUsedBefore working days used in the periods that have ended
 * @param runningSince   when the current period began; set only while running
 */
public record ServiceClock(int slaDays, ClockState state, int daysUsedBefore, Instant runningSince) {

    public ServiceClock {
        if (slaDays < 0) {
            throw new IllegalArgumentException("Service level must not be negative, was " + slaDays);
        }
        if (daysUsedBefore < 0) {
            throw new IllegalArgumentException("Days used must not be negative, was " + daysUsedBefore);
        }
        Objects.requireNonNull(state, "state");
        if ((state == ClockState.RUNNING) != (runningSince != null)) {
            throw new IllegalArgumentException("A clock has a start instant exactly when it is running");
        }
    }

    public static ServiceClock notStarted(int slaDays) {
        return new ServiceClock(slaDays, ClockState.NOT_STARTED, 0, null);
    }

    /** Applies what a workflow step does to the clock. */
    public ServiceClock apply(Workflow.ClockChange change, WorkingDays days, Instant now) {
        return switch (change) {
            case START -> transition(ClockState.NOT_STARTED, ClockState.RUNNING, 0, now);
            case PAUSE -> transition(ClockState.RUNNING, ClockState.PAUSED, daysUsed(days, now), null);
            case RESUME -> transition(ClockState.PAUSED, ClockState.RUNNING, daysUsedBefore, now);
            case STOP -> transition(ClockState.RUNNING, ClockState.STOPPED, daysUsed(days, now), null);
            case NONE -> this;
        };
    }

    private ServiceClock transition(ClockState from, ClockState to, int used, Instant since) {
        if (state != from) {
            throw new IllegalStateException("Cannot change a " + state.code() + " clock to " + to.code());
        }
        return new ServiceClock(slaDays, to, used, since);
    }

    /** Working days used up to {@code now}, all periods together. */
    public int daysUsed(WorkingDays days, Instant now) {
        if (state != ClockState.RUNNING) {
            return daysUsedBefore;
        }
        LocalDate end = days.localDate(now);
        return daysUsedBefore + days.workingDaysBetween(firstCountingDay(days), end);
    }

    /** The clock as an officer or applicant sees it at {@code now}. */
    public ClockView view(WorkingDays days, Instant now) {
        int used = daysUsed(days, now);
        Instant deadline = null;
        if (state == ClockState.RUNNING && daysUsedBefore <= slaDays) {
            deadline = days.endOfDay(days.addWorkingDays(firstCountingDay(days), slaDays - daysUsedBefore));
        }
        return new ClockView(state, slaDays, used, slaDays - used, deadline, used > slaDays);
    }

    /** The working day the current period counts from (received on a holiday: the next working day). */
    private LocalDate firstCountingDay(WorkingDays days) {
        LocalDate start = days.localDate(runningSince);
        while (!days.calendar().isWorkingDay(start)) {
            start = start.plusDays(1);
        }
        return start;
    }

    /**
     * @param deadline      the last instant within the service level; only while running and not yet overdue
     *                      before the current period began
     * @param daysRemaining negative once overdue
     * @param overdue       more working days used than the service level allows
     */
    public record ClockView(ClockState state, int slaDays, int daysUsed, int daysRemaining, Instant deadline,
                            boolean overdue) {

        /** Still counting, not overdue, and at most {@code days} working days left. */
        public boolean nearing(int days) {
            return state == ClockState.RUNNING && !overdue && daysRemaining <= days;
        }
    }
}
