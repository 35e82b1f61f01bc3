package id.gapura.complaints.workflow;

import static id.gapura.complaints.workflow.Action.ANSWER;
import static id.gapura.complaints.workflow.Action.ARCHIVE;
import static id.gapura.complaints.workflow.Action.CLOSE;
import static id.gapura.complaints.workflow.Action.DISPOSITION;
import static id.gapura.complaints.workflow.Action.MARK_NOT_OUR_AUTHORITY;
import static id.gapura.complaints.workflow.Action.POSTPONE;
import static id.gapura.complaints.workflow.Action.REOPEN;
import static id.gapura.complaints.workflow.Action.RESUME;
import static id.gapura.complaints.workflow.Action.VERIFY;
import static id.gapura.complaints.workflow.ReportStatus.ANSWERED;
import static id.gapura.complaints.workflow.ReportStatus.ARCHIVED;
import static id.gapura.complaints.workflow.ReportStatus.CLOSED;
import static id.gapura.complaints.workflow.ReportStatus.DISPOSITIONED;
import static id.gapura.complaints.workflow.ReportStatus.NOT_OUR_AUTHORITY;
import static id.gapura.complaints.workflow.ReportStatus.POSTPONED;
import static id.gapura.complaints.workflow.ReportStatus.SUBMITTED;
import static id.gapura.complaints.workflow.ReportStatus.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WorkflowTest {

    private record Transition(ReportStatus from, Action action, ReportStatus to) {
    }

    // Written out independently of Workflow so that a change in either one makes the tests fail.
    private static final List<Transition> LEGAL = List.of(
            new Transition(SUBMITTED, VERIFY, VERIFIED),
            new Transition(SUBMITTED, POSTPONE, POSTPONED),
            new Transition(SUBMITTED, MARK_NOT_OUR_AUTHORITY, NOT_OUR_AUTHORITY),
            new Transition(SUBMITTED, ARCHIVE, ARCHIVED),
            new Transition(POSTPONED, RESUME, SUBMITTED),
            new Transition(VERIFIED, DISPOSITION, DISPOSITIONED),
            new Transition(DISPOSITIONED, ANSWER, ANSWERED),
            new Transition(ANSWERED, ANSWER, ANSWERED),
            new Transition(ANSWERED, CLOSE, CLOSED),
            new Transition(CLOSED, REOPEN, DISPOSITIONED));

    private final Workflow workflow = new Workflow();

    @TestFactory
    Stream<DynamicTest> everyLegalTransitionReachesItsTarget() {
        return LEGAL.stream().map(t -> dynamicTest(t.from() + " --" + t.action() + "--> " + t.to(),
                () -> assertEquals(t.to(), workflow.next(t.from(), t.action()))));
    }

    @TestFactory
    Stream<DynamicTest> everyOtherCombinationIsRefusedWithAnExplainingMessage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReportStatus status : ReportStatus.values()) {
            for (Action action : Action.values()) {
                if (isLegal(status, action)) {
                    continue;
                }
                tests.add(dynamicTest(action + " on " + status, () -> {
                    IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                            () -> workflow.next(status, action));
                    assertEquals(status, e.current());
                    assertEquals(action, e.action());
                    assertTrue(e.getMessage().startsWith("Cannot " + action.code() + " a report that is "
                                    + status.name().toLowerCase(java.util.Locale.ROOT) + ": "), e.getMessage());
                    for (Action allowed : expectedAllowed(status)) {
                        assertTrue(e.getMessage().contains(allowed.code()), e.getMessage());
                    }
                }));
            }
        }
        assertEquals(ReportStatus.values().length * Action.values().length - LEGAL.size(), tests.size());
        return tests.stream();
    }

    @Test
    void messageListsAllowedActionsInDeclarationOrder() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> workflow.next(SUBMITTED, ANSWER));
        assertEquals("Cannot answer a report that is submitted: "
                + "allowed actions are verify, postpone, not_our_authority, archive.", e.getMessage());
    }

    @Test
    void messagesUseTheApisActionNames() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> workflow.next(VERIFIED, MARK_NOT_OUR_AUTHORITY));
        assertEquals("Cannot not_our_authority a report that is verified: allowed actions are disposition.", e.getMessage());
        assertEquals("not_our_authority", MARK_NOT_OUR_AUTHORITY.code());
        assertEquals("disposition", Action.DISPOSITION.code());
    }

    @Test
    void messageForSingleAllowedAction() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> workflow.next(VERIFIED, ANSWER));
        assertEquals("Cannot answer a report that is verified: allowed actions are disposition.", e.getMessage());
    }

    @Test
    void messageForFinalStatusSaysNothingIsAllowed() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> workflow.next(ARCHIVED, VERIFY));
        assertEquals("Cannot verify a report that is archived: no actions are allowed, archived is final.",
                e.getMessage());
    }

    @Test
    void closedReportCannotBeAnsweredOnlyReopened() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> workflow.next(CLOSED, ANSWER));
        assertEquals("Cannot answer a report that is closed: allowed actions are reopen.", e.getMessage());
    }

    @Test
    void allowedActionsMatchTheTransitionTableForEveryStatus() {
        for (ReportStatus status : ReportStatus.values()) {
            assertEquals(expectedAllowed(status), workflow.allowedActions(status), status.name());
        }
    }

    @Test
    void allowedActionsCannotBeModified() {
        Set<Action> actions = workflow.allowedActions(SUBMITTED);
        assertThrows(UnsupportedOperationException.class, () -> actions.add(CLOSE));
        assertThrows(UnsupportedOperationException.class, () -> workflow.allowedActions(ARCHIVED).add(CLOSE));
    }

    @Test
    void fullLifecycleWithPostponeFollowUpsAndReopen() {
        ReportStatus status = SUBMITTED;
        for (Action action : List.of(POSTPONE, RESUME, VERIFY, DISPOSITION, ANSWER, ANSWER, CLOSE, REOPEN, ANSWER,
                CLOSE)) {
            status = workflow.next(status, action);
        }
        assertEquals(CLOSED, status);
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> workflow.next(null, VERIFY));
        assertThrows(NullPointerException.class, () -> workflow.next(SUBMITTED, null));
    }

    private static final Instant CLOSED_AT = Instant.parse("2026-03-02T03:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void reopenInsideWindowIsAllowed() {
        assertDoesNotThrow(() -> workflow.checkReopen(CLOSED_AT, CLOSED_AT.plus(Duration.ofDays(3)), WEEK));
        assertDoesNotThrow(() -> workflow.checkReopen(CLOSED_AT, CLOSED_AT, WEEK));
    }

    @Test
    void reopenAtTheLastInstantOfTheWindowIsAllowed() {
        assertDoesNotThrow(() -> workflow.checkReopen(CLOSED_AT, CLOSED_AT.plus(WEEK), WEEK));
    }

    @Test
    void reopenAfterWindowIsRefusedWithDates() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> workflow.checkReopen(CLOSED_AT, CLOSED_AT.plus(WEEK).plusNanos(1), WEEK));
        assertEquals(CLOSED, e.current());
        assertEquals(REOPEN, e.action());
        assertEquals("Cannot reopen a report closed at 2026-03-02T03:00:00Z: the reopen window of 7 days ended at "
                + "2026-03-09T03:00:00Z. The reporter should submit a new report instead.", e.getMessage());
    }

    @Test
    void reopenWindowInHoursIsDescribedInHours() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> workflow.checkReopen(CLOSED_AT, CLOSED_AT.plus(Duration.ofDays(2)), Duration.ofHours(36)));
        assertTrue(e.getMessage().contains("reopen window of 36 hours"), e.getMessage());
    }

    @Test
    void zeroWindowMeansNoReopening() {
        assertThrows(IllegalTransitionException.class,
                () -> workflow.checkReopen(CLOSED_AT, CLOSED_AT.plusSeconds(1), Duration.ZERO));
    }

    @Test
    void negativeWindowIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class,
                () -> workflow.checkReopen(CLOSED_AT, CLOSED_AT, Duration.ofDays(-1)));
    }

    private static boolean isLegal(ReportStatus status, Action action) {
        return LEGAL.stream().anyMatch(t -> t.from() == status && t.action() == action);
    }

    private static Set<Action> expectedAllowed(ReportStatus status) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        LEGAL.stream().filter(t -> t.from() == status).forEach(t -> allowed.add(t.action()));
        return allowed;
    }
}
