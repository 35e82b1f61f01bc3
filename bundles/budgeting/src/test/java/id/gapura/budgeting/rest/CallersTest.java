package id.gapura.budgeting.rest;

import id.gapura.api.ProblemException;
import id.gapura.budgeting.internal.Actor;
import id.gapura.budgeting.internal.ReferenceData;
import org.junit.jupiter.api.Test;

import javax.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nobody works on the budget anonymously; roles and the assigned agency make the actor. */
class CallersTest {

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

    private final ReferenceData reference = new ReferenceData(null) {
        @Override
        public java.util.Optional<String> agencyOf(String username) {
            return "operator-diknas".equals(username) ? java.util.Optional.of("1.01.0.00.0.00.01.0000") : java.util.Optional.empty();
        }
    };

    @Test
    void anAnonymousCallerIsUnauthorized() {
        ProblemException anonymous = assertThrows(ProblemException.class, () -> Callers.of(caller(null), reference));
        assertEquals(401, anonymous.status());
        assertEquals(401, assertThrows(ProblemException.class, () -> Callers.reader(null, reference)).status());
    }

    @Test
    void rolesAndTheAssignedAgencyMakeTheActor() {
        Actor tapd = Callers.of(caller("tapd", "budget-tapd"), reference);
        assertTrue(tapd.tapd());
        assertFalse(tapd.admin());
        Actor operator = Callers.of(caller("operator-diknas", "budget-agency"), reference);
        assertEquals("1.01.0.00.0.00.01.0000", operator.agency());
        assertFalse(operator.tapd());
        assertFalse(operator.head());
        Actor kadisdik = Callers.of(caller("operator-diknas", "budget-agency-head"), reference);
        assertTrue(kadisdik.head());
        assertEquals("1.01.0.00.0.00.01.0000", kadisdik.agency());
        Actor unassigned = Callers.of(caller("operator-baru", "budget-agency"), reference);
        assertNull(unassigned.agency());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> Callers.reader(caller("operator-baru", "budget-agency"), reference)).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> Callers.reader(caller("someone"), reference)).status());
        assertEquals("dprd", Callers.reader(caller("dprd", "budget-viewer"), reference).name());
    }
}
