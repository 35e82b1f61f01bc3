package id.gapura.permits.rest;

import id.gapura.permits.internal.Caller;

import javax.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The caller of a REST request as the workflow sees it. */
final class Callers {

    private Callers() {
    }

    /**
     * The authenticated user with their roles; while the platform does not authenticate REST calls there is
     * no principal, and the caller is recorded as "anonymous" without a role check.
     */
    static Caller of(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null) {
            return new Caller(Caller.ANONYMOUS, false, role -> false);
        }
        return new Caller(principal.getName(), true, security::isUserInRole);
    }
}
