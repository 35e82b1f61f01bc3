package id.gapura.permits.workflow;

import static id.gapura.permits.workflow.Stage.DECREE;
import static id.gapura.permits.workflow.Stage.DRAFT;
import static id.gapura.permits.workflow.Stage.FEE_ASSESSMENT;
import static id.gapura.permits.workflow.Stage.ISSUED;
import static id.gapura.permits.workflow.Stage.PAYMENT;
import static id.gapura.permits.workflow.Stage.REJECTED;
import static id.gapura.permits.workflow.Stage.RETURNED;
import static id.gapura.permits.workflow.Stage.SIGNED;
import static id.gapura.permits.workflow.Stage.SUBMITTED;
import static id.gapura.permits.workflow.Stage.TECHNICAL_REVIEW;
import static id.gapura.permits.workflow.Stage.VALIDATION;
import static id.gapura.permits.workflow.Stage.VERIFICATION;
import static id.gapura.permits.workflow.Step.ACCEPT_COMPLETE;
import static id.gapura.permits.workflow.Step.ASSESS_FEE;
import static id.gapura.permits.workflow.Step.ISSUE;
import static id.gapura.permits.workflow.Step.RECOMMEND;
import static id.gapura.permits.workflow.Step.RECORD_PAYMENT;
import static id.gapura.permits.workflow.Step.REJECT;
import static id.gapura.permits.workflow.Step.RESUBMIT;
import static id.gapura.permits.workflow.Step.RETURN_INCOMPLETE;
import static id.gapura.permits.workflow.Step.SIGN;
import static id.gapura.permits.workflow.Step.SUBMIT;
import static id.gapura.permits.workflow.Step.VALIDATE;
import static id.gapura.permits.workflow.Step.VERIFY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WorkflowTest {

    private record Transition(Stage from, Step step, Stage to) {
    }

    private record Variant(String name, Workflow workflow, List<Transition> legal) {
    }

    // Written out independently of Workflow so that a change in either one makes the tests fail.
    private static final List<Transition> FULL = List.of(
            new Transition(DRAFT, SUBMIT, SUBMITTED),
            new Transition(SUBMITTED, ACCEPT_COMPLETE, VERIFICATION),
            new Transition(SUBMITTED, RETURN_INCOMPLETE, RETURNED),
            new Transition(RETURNED, RESUBMIT, SUBMITTED),
            new Transition(VERIFICATION, VERIFY, TECHNICAL_REVIEW),
            new Transition(VERIFICATION, REJECT, REJECTED),
            new Transition(TECHNICAL_REVIEW, RECOMMEND, VALIDATION),
            new Transition(TECHNICAL_REVIEW, REJECT, REJECTED),
            new Transition(VALIDATION, VALIDATE, FEE_ASSESSMENT),
            new Transition(VALIDATION, REJECT, REJECTED),
            new Transition(FEE_ASSESSMENT, ASSESS_FEE, PAYMENT),
            new Transition(PAYMENT, RECORD_PAYMENT, DECREE),
            new Transition(DECREE, SIGN, SIGNED),
            new Transition(DECREE, REJECT, REJECTED),
            new Transition(SIGNED, ISSUE, ISSUED));

    /** A no-fee letter with verification only (like the research permit letter). */
    private static final List<Transition> SHORT = List.of(
            new Transition(DRAFT, SUBMIT, SUBMITTED),
            new Transition(SUBMITTED, ACCEPT_COMPLETE, VERIFICATION),
            new Transition(SUBMITTED, RETURN_INCOMPLETE, RETURNED),
            new Transition(RETURNED, RESUBMIT, SUBMITTED),
            new Transition(VERIFICATION, VERIFY, DECREE),
            new Transition(VERIFICATION, REJECT, REJECTED),
            new Transition(DECREE, SIGN, SIGNED),
            new Transition(DECREE, REJECT, REJECTED),
            new Transition(SIGNED, ISSUE, ISSUED));

    /** No optional stage, no fee (a copy of a decree). */
    private static final List<Transition> MINIMAL = List.of(
            new Transition(DRAFT, SUBMIT, SUBMITTED),
            new Transition(SUBMITTED, ACCEPT_COMPLETE, DECREE),
            new Transition(SUBMITTED, RETURN_INCOMPLETE, RETURNED),
            new Transition(RETURNED, RESUBMIT, SUBMITTED),
            new Transition(DECREE, SIGN, SIGNED),
            new Transition(DECREE, REJECT, REJECTED),
            new Transition(SIGNED, ISSUE, ISSUED));

    /** Fee, technical review only (a billboard without separate validation). */
    private static final List<Transition> FEE_AND_REVIEW = List.of(
            new Transition(DRAFT, SUBMIT, SUBMITTED),
            new Transition(SUBMITTED, ACCEPT_COMPLETE, TECHNICAL_REVIEW),
            new Transition(SUBMITTED, RETURN_INCOMPLETE, RETURNED),
            new Transition(RETURNED, RESUBMIT, SUBMITTED),
            new Transition(TECHNICAL_REVIEW, RECOMMEND, FEE_ASSESSMENT),
            new Transition(TECHNICAL_REVIEW, REJECT, REJECTED),
            new Transition(FEE_ASSESSMENT, ASSESS_FEE, PAYMENT),
            new Transition(PAYMENT, RECORD_PAYMENT, DECREE),
            new Transition(DECREE, SIGN, SIGNED),
            new Transition(DECREE, REJECT, REJECTED),
            new Transition(SIGNED, ISSUE, ISSUED));

    private static final List<Variant> VARIANTS = List.of(
            new Variant("all stages with fee", new Workflow(EnumSet.of(VERIFICATION, TECHNICAL_REVIEW, VALIDATION), true), FULL),
            new Variant("verification without fee", new Workflow(List.of(VERIFICATION), false), SHORT),
            new Variant("no optional stage, no fee", new Workflow(List.of(), false), MINIMAL),
            new Variant("technical review with fee", new Workflow(List.of(TECHNICAL_REVIEW), true), FEE_AND_REVIEW));

    @TestFactory
    Stream<DynamicTest> everyAllowedTransitionReachesItsTarget() {
        return VARIANTS.stream().flatMap(variant -> variant.legal().stream().map(t -> dynamicTest(
                variant.name() + ": " + t.from().code() + " --" + t.step().code() + "--> " + t.to().code(),
                () -> assertEquals(t.to(), variant.workflow().next(t.from(), t.step())))));
    }

    @TestFactory
    Stream<DynamicTest> everyOtherCombinationIsRefusedNamingTheStageAndTheAllowedSteps() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Variant variant : VARIANTS) {
            for (Stage stage : Stage.values()) {
                for (Step step : Step.values()) {
                    if (variant.legal().stream().anyMatch(t -> t.from() == stage && t.step() == step)) {
                        continue;
                    }
                    tests.add(dynamicTest(variant.name() + ": " + step.code() + " in " + stage.code(), () -> {
                        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                                () -> variant.workflow().next(stage, step));
                        assertEquals(stage, e.current());
                        assertEquals(step, e.step());
                        assertTrue(e.getMessage().startsWith("Cannot " + step.code() + " an application in stage "
                                + stage.code() + ": "), e.getMessage());
                        variant.legal().stream().filter(t -> t.from() == stage).forEach(allowed ->
                                assertTrue(e.getMessage().contains(allowed.step().code()), e.getMessage()));
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void allowedStepsPutTheForwardStepFirst() {
        Workflow full = VARIANTS.get(0).workflow();
        assertEquals(List.of(ACCEPT_COMPLETE, RETURN_INCOMPLETE), List.copyOf(full.allowedSteps(SUBMITTED)));
        assertEquals(List.of(VERIFY, REJECT), List.copyOf(full.allowedSteps(VERIFICATION)));
        assertEquals(List.of(SIGN, REJECT), List.copyOf(full.allowedSteps(DECREE)));
        assertEquals(Set.of(), full.allowedSteps(ISSUED));
        assertEquals(Set.of(), full.allowedSteps(REJECTED));
    }

    @Test
    void finalStagesSaySoAndSkippedStagesSayTheTypeDoesNotUseThem() {
        Workflow minimal = VARIANTS.get(2).workflow();
        assertEquals("Cannot sign an application in stage issued: no step is allowed, issued is final.",
                assertThrows(IllegalTransitionException.class, () -> minimal.next(ISSUED, SIGN)).getMessage());
        assertEquals("Cannot verify an application in stage verification: no step is allowed, this permit type "
                        + "does not use stage verification.",
                assertThrows(IllegalTransitionException.class, () -> minimal.next(VERIFICATION, VERIFY)).getMessage());
    }

    @Test
    void pipelineListsTheStagesInOrder() {
        assertEquals(List.of(SUBMITTED, VERIFICATION, TECHNICAL_REVIEW, VALIDATION, FEE_ASSESSMENT, PAYMENT, DECREE,
                SIGNED, ISSUED), VARIANTS.get(0).workflow().pipeline());
        // the order of the stages given does not matter
        assertEquals(VARIANTS.get(0).workflow().pipeline(),
                new Workflow(List.of(VALIDATION, VERIFICATION, TECHNICAL_REVIEW), true).pipeline());
        assertEquals(List.of(SUBMITTED, DECREE, SIGNED, ISSUED), VARIANTS.get(2).workflow().pipeline());
    }

    @Test
    void onlyVerificationReviewAndValidationAreOptional() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Workflow(List.of(DECREE), false));
        assertTrue(e.getMessage().contains("decree is not optional"), e.getMessage());
    }

    @Test
    void filingStartsTheClockReturningPausesItResubmittingResumesItAndADecisionStopsIt() {
        assertEquals(Workflow.ClockChange.START, Workflow.clockChange(SUBMIT));
        assertEquals(Workflow.ClockChange.PAUSE, Workflow.clockChange(RETURN_INCOMPLETE));
        assertEquals(Workflow.ClockChange.RESUME, Workflow.clockChange(RESUBMIT));
        assertEquals(Workflow.ClockChange.STOP, Workflow.clockChange(ISSUE));
        assertEquals(Workflow.ClockChange.STOP, Workflow.clockChange(REJECT));
        for (Step step : List.of(ACCEPT_COMPLETE, VERIFY, RECOMMEND, VALIDATE, ASSESS_FEE, RECORD_PAYMENT, SIGN)) {
            assertEquals(Workflow.ClockChange.NONE, Workflow.clockChange(step), step.code());
        }
    }

    @Test
    void rolesDecideWhoMayTakeEachStepAndAdminMayTakeAll() {
        assertTrue(VERIFY.mayBeTakenBy(Roles.BACK_OFFICE::equals));
        assertFalse(VERIFY.mayBeTakenBy(Roles.FRONT_OFFICE::equals));
        assertTrue(SIGN.mayBeTakenBy(Roles.HEAD::equals));
        assertFalse(SIGN.mayBeTakenBy(Roles.BACK_OFFICE::equals));
        assertTrue(RECOMMEND.mayBeTakenBy(Roles.TECHNICAL::equals));
        assertTrue(REJECT.mayBeTakenBy(Roles.HEAD::equals));
        assertTrue(REJECT.mayBeTakenBy(Roles.BACK_OFFICE::equals));
        assertFalse(REJECT.mayBeTakenBy(Roles.TECHNICAL::equals));
        assertFalse(ISSUE.mayBeTakenBy(Roles.VIEWER::equals));
        for (Step step : Step.values()) {
            assertTrue(step.mayBeTakenBy(Roles.ADMIN::equals), step.code());
            assertFalse(step.mayBeTakenBy(Roles.VIEWER::equals), step.code());
        }
    }

    @Test
    void stepAndStageCodesAreReadInAnyCase() {
        assertEquals(ACCEPT_COMPLETE, Step.fromCode(" Accept-Complete "));
        assertEquals(TECHNICAL_REVIEW, Stage.fromCode("technical_review"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Step.fromCode("approve"));
        assertTrue(e.getMessage().contains("accept_complete"), e.getMessage());
    }
}
