package id.gapura.complaints.rest;

import id.gapura.api.ProblemException;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.Officer;

import javax.ws.rs.core.SecurityContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is calling an officers' endpoint, from the JAX-RS {@link SecurityContext} the platform's authentication
 * fills in. Resources mark their methods {@code @RolesAllowed}; the platform refuses callers without the
 * role, so what is left here is the user's name and the roles that decide what they see.
 */
public final class Officers {

    /** The platform administrator's role. */
    static final String ADMIN = "admin";

    private Officers() {
    }

    /**
     * The officer calling, with their module roles and, for a liaison officer, their agency. The platform
     * administrator reads everything a complaints viewer reads.
     *
     * @throws ProblemException 401 when the request carries no user
     */
    static Officer officer(SecurityContext security, HandlingService handling) {
        String username = username(security);
        Set<String> realmRoles = new HashSet<>();
        for (String role : Officer.ROLES) {
            if (security.isUserInRole(role)) {
                realmRoles.add(role);
            }
        }
        if (security.isUserInRole(ADMIN)) {
            realmRoles.add(ADMIN);
        }
        return officer(username, realmRoles, handling);
    }

    /**
     * The officer behind a user name and their realm roles (a back-office session's), by the same rule as the
     * API's: the module roles they hold, the administrator reading as a viewer, and a liaison's agency.
     */
    public static Officer officer(String username, Set<String> realmRoles, HandlingService handling) {
        Set<String> roles = new HashSet<>();
        for (String role : Officer.ROLES) {
            if (realmRoles.contains(role)) {
                roles.add(role);
            }
        }
        if (realmRoles.contains(ADMIN)) {
            roles.add(Officer.VIEWER);
        }
        return handling.officer(username, roles);
    }

    /**
     * The calling user's name, for changes that record who made them.
     *
     * @throws ProblemException 401 when the request carries no user
     */
    static String username(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new ProblemException(401, "Unauthorized", "Sign in as an officer to use this endpoint.", List.of());
        }
        return security.getUserPrincipal().getName();
    }
}
