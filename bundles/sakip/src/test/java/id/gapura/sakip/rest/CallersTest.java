package id.gapura.sakip.rest;

import id.gapura.api.ProblemException;
import id.gapura.sakip.internal.Actor;
import id.gapura.sakip.internal.Agencies;
import org.junit.jupiter.api.Test;

import javax.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nobody works in SAKIP anonymously; roles and the assigned agency make the actor and what it may read. */
class CallersTest {

    private static final String DIKNAS = "1.01.0.00.0.00.01.0000";
    private static final String DINKES = "1.02.0.00.0.00.01.0000";

    private static SecurityContext caller(String name, String... roles) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return name == null ? null : () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return Set.of(roles).contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return null;
            }
        };
    }

    private final Agencies agencies = new Agencies(null, null) {
        @Override
        public Optional<String> agencyOf(String username) {
            return username.endsWith("-diknas") ? Optional.of(DIKNAS) : Optional.empty();
        }
    };

    @Test
    void anAnonymousCallerIsUnauthorized() {
        assertEquals(401, assertThrows(ProblemException.class, () -> Callers.of(caller(null), agencies)).status());
        assertEquals(401, assertThrows(ProblemException.class, () -> Callers.reader(null, agencies)).status());
    }

    @Test
    void plannersAndHeadsWorkForTheirAgencyOnly() {
        Actor planner = Callers.of(caller("perencana-diknas", Callers.PLANNER), agencies);
        assertEquals(DIKNAS, planner.agency());
        assertTrue(planner.mayPlan(DIKNAS));
        assertFalse(planner.mayPlan(DINKES));
        assertFalse(planner.maySign(DIKNAS));
        assertEquals(DIKNAS, Callers.scope(planner, null), "a planner's listing is always its own agency");
        assertEquals(403, assertThrows(ProblemException.class, () -> Callers.scope(planner, DINKES)).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> Callers.reader(caller("perencana-diknas", Callers.PLANNER), agencies, DINKES)).status());

        Actor head = Callers.reader(caller("kadis-diknas", Callers.HEAD), agencies, DIKNAS);
        assertTrue(head.maySign(DIKNAS));
        assertFalse(head.maySign(DINKES));
        assertFalse(head.mayPlan(DIKNAS));

        ProblemException unassigned = assertThrows(ProblemException.class,
                () -> Callers.reader(caller("perencana-baru", Callers.PLANNER), agencies));
        assertEquals(403, unassigned.status());
        assertTrue(unassigned.detail().contains("sakip:user-assign perencana-baru"), unassigned.detail());
    }

    @Test
    void evaluatorsViewersAndTheAdministratorReadEveryAgency() {
        Actor evaluator = Callers.reader(caller("inspektorat", Callers.EVALUATOR), agencies, DINKES);
        assertTrue(evaluator.mayEvaluate());
        assertFalse(evaluator.mayPlan(DINKES));
        assertNull(Callers.scope(evaluator, null));
        Actor viewer = Callers.reader(caller("bappeda", Callers.VIEWER), agencies, DIKNAS);
        assertFalse(viewer.mayEvaluate());
        assertFalse(viewer.maySign(DIKNAS));
        Actor admin = Callers.reader(caller("karaf", Callers.ADMIN), agencies, DINKES);
        assertTrue(admin.mayPlan(DINKES) && admin.maySign(DINKES) && admin.mayEvaluate());
        assertEquals(403, assertThrows(ProblemException.class, () -> Callers.reader(caller("someone", "viewer"), agencies)).status());
    }
}
