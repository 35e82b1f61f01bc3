package id.gapura.permits.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What someone does to an application. {@link Workflow} decides which stage each step leads to; the roles
 * here decide who may take it ({@code admin} may take every step). The data a step needs (missing documents,
 * recommendation, reasons, payment) is checked by the caller.
 */
public enum Step {
    /** File a draft (the applicant online, or the front office on the applicant's behalf). */
    SUBMIT(Roles.FRONT_OFFICE),
    /** Front office: documents complete, the application goes on. */
    ACCEPT_COMPLETE(Roles.FRONT_OFFICE),
    /** Front office: documents missing; the application goes back to the applicant with the list. */
    RETURN_INCOMPLETE(Roles.FRONT_OFFICE),
    /** The applicant (or the front office) hands in what was missing; the clock runs again. */
    RESUBMIT(Roles.FRONT_OFFICE),
    VERIFY(Roles.BACK_OFFICE),
    /** Technical team: review or site visit done, recommendation recorded. */
    RECOMMEND(Roles.TECHNICAL),
    VALIDATE(Roles.BACK_OFFICE),
    /** The fee is computed from the type's rule and the SKRD issued. */
    ASSESS_FEE(Roles.BACK_OFFICE),
    RECORD_PAYMENT(Roles.BACK_OFFICE),
    /** Head of DPMPTSP signs the decree. */
    SIGN(Roles.HEAD),
    /** Front office registers the permit number and hands the decree over. */
    ISSUE(Roles.FRONT_OFFICE),
    /** Refusal with reasons, by the back office or the head. */
    REJECT(Roles.BACK_OFFICE, Roles.HEAD);

    private final List<String> roles;

    Step(String... roles) {
        this.roles = List.of(roles);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The module roles that may take this step, besides {@code admin}. */
    public List<String> roles() {
        return roles;
    }

    /** Whether someone holding the roles {@code hasRole} answers yes to may take this step. */
    public boolean mayBeTakenBy(Predicate<String> hasRole) {
        return hasRole.test(Roles.ADMIN) || roles.stream().anyMatch(hasRole);
    }

    /** Accepts the code in any letter case, with dashes or underscores. */
    public static Step fromCode(String code) {
        if (code != null) {
            String normalized = code.trim().replace('-', '_').toUpperCase(Locale.ROOT);
            for (Step step : values()) {
                if (step.name().equals(normalized)) {
                    return step;
                }
            }
        }
        throw new IllegalArgumentException("Unknown step '" + code + "': steps are "
                + Arrays.stream(values()).map(Step::code).collect(Collectors.joining(", ")) + ".");
    }

    static Set<Step> advancing() {
        return Set.of(ACCEPT_COMPLETE, VERIFY, RECOMMEND, VALIDATE, ASSESS_FEE, RECORD_PAYMENT, SIGN, ISSUE);
    }
}
