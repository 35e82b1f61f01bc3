package id.gapura.permits.internal;

import java.util.function.Predicate;

/**
 * Who takes a step. {@code authenticated} is false for the applicant on the public endpoints, and for every
 * caller while the platform does not authenticate REST calls: then no role check is possible and none is made.
 *
 * @param name    recorded in the history
 * @param hasRole answers whether the caller holds a role
 */
public record Caller(String name, boolean authenticated, Predicate<String> hasRole) {

    public static final String APPLICANT = "applicant";
    public static final String ANONYMOUS = "anonymous";

    public static Caller applicant() {
        return new Caller(APPLICANT, false, role -> false);
    }
}
