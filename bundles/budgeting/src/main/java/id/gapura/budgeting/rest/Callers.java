package id.gapura.budgeting.rest;

import id.gapura.api.ProblemException;
import id.gapura.budgeting.internal.Actor;
import id.gapura.budgeting.internal.ReferenceData;

import javax.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;

/** The caller of a REST request as the budget rules see it; there is no anonymous budget work. */
final class Callers {

    static final String TAPD = "budget-tapd";
    static final String AGENCY = "budget-agency";
    static final String HEAD = "budget-agency-head";
    static final String VIEWER = "budget-viewer";
    static final String ADMIN = "admin";

    private Callers() {
    }

    static Actor of(SecurityContext security, ReferenceData reference) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null) {
            throw new ProblemException(401, "Unauthorized",
                    "Sign in with HTTP Basic as a user holding a budget role (budget-tapd, budget-agency, budget-agency-head,"
                            + " budget-viewer).", List.of());
        }
        String name = principal.getName();
        boolean admin = security.isUserInRole(ADMIN);
        boolean tapd = security.isUserInRole(TAPD);
        boolean head = security.isUserInRole(HEAD);
        String agency = security.isUserInRole(AGENCY) || head ? reference.agencyOf(name).orElse(null) : null;
        return new Actor(name, admin, tapd, agency, head);
    }

    /** Readers: anyone with a budget role; an agency user without an assigned agency reads nothing. */
    static Actor reader(SecurityContext security, ReferenceData reference) {
        Actor actor = of(security, reference);
        if (!actor.admin() && !actor.tapd() && actor.agency() == null && !security.isUserInRole(VIEWER)) {
            throw ProblemException.forbidden(actor.name() + " holds no budget role, or is a budget-agency user not yet assigned to an"
                    + " agency (an administrator runs budgeting:user-assign " + actor.name() + " <agency>).");
        }
        return actor;
    }
}
