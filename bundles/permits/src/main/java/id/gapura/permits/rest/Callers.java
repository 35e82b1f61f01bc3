package id.gapura.permits.rest;

import id.gapura.api.ProblemException;
import id.gapura.permits.internal.Caller;

import javax.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;

/** The caller of a REST request as the workflow sees it. */
final class Callers {

    private Callers() {
    }

    /** The authenticated user with their roles; 401 when there is none (never an unchecked anonymous step). */
    static Caller of(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null) {
            throw new ProblemException(401, "Unauthorized", "Sign in as DPMPTSP staff to use this endpoint.", List.of());
        }
        return new Caller(principal.getName(), true, security::isUserInRole);
    }
}
