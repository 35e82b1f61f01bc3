package id.gapura.permits.internal;

import java.util.function.Predicate;

/**
 * Who takes a step. {@code authenticated} is false only for the applicant on the public endpoints, whose
 * steps (submit, resubmit) are fixed by the endpoint; every staff caller is authenticated and role-checked.
 *
 * @param name    recorded in the history
 * @param hasRole answers whether the caller holds a role
 */
public record Caller(String name, boolean authenticated, Predicate<String> hasRole) {

    public static final String APPLICANT = "applicant";

    public static Caller applicant() {
        return new Caller(APPLICANT, false, role -> false);
    }
}
