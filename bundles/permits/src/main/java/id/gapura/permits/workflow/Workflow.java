package id.gapura.permits.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The application lifecycle for one permit type: which step moves an application from which stage to
 * which, given the optional stages the type uses and whether it carries a fee. Immutable and thread-safe.
 * <pre>
 * draft --submit--> submitted --accept_complete--> [verification --verify-->]
 *     [technical_review --recommend-->] [validation --validate-->]
 *     [fee_assessment --assess_fee--> payment --record_payment-->] decree --sign--> signed --issue--> issued
 * submitted --return_incomplete--> returned --resubmit--> submitted      (the clock stops while returned)
 * verification, technical_review, validation, decree --reject--> rejected
 * </pre>
 */
public final class Workflow {

    /** What a step does to the service-level clock. */
    public enum ClockChange { START, PAUSE, RESUME, STOP, NONE }

    private static final Map<Stage, Step> ADVANCING_STEP = Map.of(
            Stage.SUBMITTED, Step.ACCEPT_COMPLETE,
            Stage.VERIFICATION, Step.VERIFY,
            Stage.TECHNICAL_REVIEW, Step.RECOMMEND,
            Stage.VALIDATION, Step.VALIDATE,
            Stage.FEE_ASSESSMENT, Step.ASSESS_FEE,
            Stage.PAYMENT, Step.RECORD_PAYMENT,
            Stage.DECREE, Step.SIGN,
            Stage.SIGNED, Step.ISSUE);

    private static final Set<Stage> REJECTABLE =
            EnumSet.of(Stage.VERIFICATION, Stage.TECHNICAL_REVIEW, Stage.VALIDATION, Stage.DECREE);

    private final List<Stage> pipeline;
    private final Map<Stage, Map<Step, Stage>> transitions;

    /**
     * @param optionalStages which of verification, technical review and validation the type uses
     * @param hasFee         whether the type carries a fee (adds fee assessment and payment)
     */
    public Workflow(Collection<Stage> optionalStages, boolean hasFee) {
        Objects.requireNonNull(optionalStages, "optionalStages");
        for (Stage stage : optionalStages) {
            if (!stage.isOptional()) {
                throw new IllegalArgumentException("Stage " + stage.code() + " is not optional: every application "
                        + "goes through it. Optional stages are verification, technical_review and validation.");
            }
        }
        List<Stage> stages = new ArrayList<>();
        stages.add(Stage.SUBMITTED);
        for (Stage optional : List.of(Stage.VERIFICATION, Stage.TECHNICAL_REVIEW, Stage.VALIDATION)) {
            if (optionalStages.contains(optional)) {
                stages.add(optional);
            }
        }
        if (hasFee) {
            stages.add(Stage.FEE_ASSESSMENT);
            stages.add(Stage.PAYMENT);
        }
        stages.add(Stage.DECREE);
        stages.add(Stage.SIGNED);
        stages.add(Stage.ISSUED);
        this.pipeline = List.copyOf(stages);

        Map<Stage, Map<Step, Stage>> map = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            map.put(stage, new EnumMap<>(Step.class));
        }
        map.get(Stage.DRAFT).put(Step.SUBMIT, Stage.SUBMITTED);
        map.get(Stage.SUBMITTED).put(Step.RETURN_INCOMPLETE, Stage.RETURNED);
        map.get(Stage.RETURNED).put(Step.RESUBMIT, Stage.SUBMITTED);
        for (int i = 0; i < pipeline.size() - 1; i++) {
            Stage stage = pipeline.get(i);
            map.get(stage).put(ADVANCING_STEP.get(stage), pipeline.get(i + 1));
            if (REJECTABLE.contains(stage)) {
                map.get(stage).put(Step.REJECT, Stage.REJECTED);
            }
        }
        map.replaceAll((stage, targets) -> Collections.unmodifiableMap(targets));
        this.transitions = Collections.unmodifiableMap(map);
    }

    /** The stages an application of this type goes through from filing to issue, in order. */
    public List<Stage> pipeline() {
        return pipeline;
    }

    /** The stage an application reaches when {@code step} is taken in {@code current}. */
    public Stage next(Stage current, Step step) {
        Objects.requireNonNull(current, "current stage");
        Objects.requireNonNull(step, "step");
        Stage target = transitions.get(current).get(step);
        if (target == null) {
            throw new IllegalTransitionException(current, step, "Cannot " + step.code()
                    + " an application in stage " + current.code() + ": " + describeAllowed(current) + ".");
        }
        return target;
    }

    /** The steps that may be taken in {@code stage}, the one that moves it forward first; empty when final. */
    public Set<Step> allowedSteps(Stage stage) {
        Objects.requireNonNull(stage, "stage");
        Set<Step> steps = new LinkedHashSet<>();
        Step advancing = ADVANCING_STEP.get(stage);
        if (advancing != null && transitions.get(stage).containsKey(advancing)) {
            steps.add(advancing);
        }
        steps.addAll(transitions.get(stage).keySet());
        return Collections.unmodifiableSet(steps);
    }

    /** What taking {@code step} does to the clock: filing starts it, returning pauses it, a decision stops it. */
    public static ClockChange clockChange(Step step) {
        return switch (Objects.requireNonNull(step, "step")) {
            case SUBMIT -> ClockChange.START;
            case RETURN_INCOMPLETE -> ClockChange.PAUSE;
            case RESUBMIT -> ClockChange.RESUME;
            case ISSUE, REJECT -> ClockChange.STOP;
            default -> ClockChange.NONE;
        };
    }

    private String describeAllowed(Stage stage) {
        Set<Step> allowed = allowedSteps(stage);
        if (allowed.isEmpty()) {
            return stage.isFinal()
                    ? "no step is allowed, " + stage.code() + " is final"
                    : "no step is allowed, this permit type does not use stage " + stage.code();
        }
        return "allowed steps are " + allowed.stream().map(Step::code).collect(Collectors.joining(", "));
    }
}
