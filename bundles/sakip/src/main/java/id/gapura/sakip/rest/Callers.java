package id.gapura.sakip.rest;

import id.gapura.api.ProblemException;
import id.gapura.sakip.internal.Actor;
import id.gapura.sakip.internal.Agencies;

import javax.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;

/** The caller of a REST request as the SAKIP rules see it; there is no anonymous SAKIP work. */
final class Callers {

    static final String PLANNER = "sakip-planner";
    static final String HEAD = "sakip-agency-head";
    static final String EVALUATOR = "sakip-evaluator";
    static final String VIEWER = "sakip-viewer";
    static final String ADMIN = "admin";

    private Callers() {
    }

    static Actor of(SecurityContext security, Agencies agencies) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null) {
            throw new ProblemException(401, "Unauthorized", "Sign in with HTTP Basic as a user holding a SAKIP role"
                    + " (sakip-planner, sakip-agency-head, sakip-evaluator, sakip-viewer).", List.of());
        }
        String name = principal.getName();
        boolean planner = security.isUserInRole(PLANNER);
        boolean head = security.isUserInRole(HEAD);
        String agency = planner || head ? agencies.agencyOf(name).orElse(null) : null;
        return new Actor(name, security.isUserInRole(ADMIN), planner, head, security.isUserInRole(EVALUATOR),
                security.isUserInRole(VIEWER), agency);
    }

    /** Readers: anyone with a SAKIP role; a planner or head without an assigned agency reads nothing. */
    static Actor reader(SecurityContext security, Agencies agencies) {
        Actor actor = of(security, agencies);
        if (!actor.readsAll() && actor.agency() == null) {
            throw ProblemException.forbidden(actor.name() + " holds no SAKIP role, or is a planner or agency head not yet"
                    + " assigned to an agency (an administrator runs sakip:user-assign " + actor.name() + " <agency>).");
        }
        return actor;
    }

    /** A reader of one agency: planners and heads read their own agency only. */
    static Actor reader(SecurityContext security, Agencies agencies, String agencyCode) {
        Actor actor = reader(security, agencies);
        if (!actor.mayRead(agencyCode)) {
            throw ProblemException.forbidden(actor.name() + " reads agency " + actor.agency() + " only, not " + agencyCode + ".");
        }
        return actor;
    }

    /** The agency a listing is for: the one asked for, or for a planner or head always their own. */
    static String scope(Actor actor, String agencyCode) {
        if (actor.readsAll()) {
            return agencyCode;
        }
        if (agencyCode != null && !agencyCode.equals(actor.agency())) {
            throw ProblemException.forbidden(actor.name() + " reads agency " + actor.agency() + " only, not " + agencyCode + ".");
        }
        return actor.agency();
    }
}
