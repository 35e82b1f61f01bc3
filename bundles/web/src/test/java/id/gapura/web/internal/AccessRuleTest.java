package id.gapura.web.internal;

import id.gapura.api.Public;
import id.gapura.api.RolesAllowed;
import org.junit.jupiter.api.Test;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolution rules of {@code @Public} and {@code @RolesAllowed} as the javadoc of the API states them. */
class AccessRuleTest {

    @Path("/plain")
    static class Unannotated {
        @GET
        public String read() {
            return "";
        }
    }

    @Public
    @Path("/open")
    static class PublicClass {
        @GET
        public String read() {
            return "";
        }

        @POST
        @RolesAllowed({"complaints-coordinator", " complaints-liaison "})
        public String write() {
            return "";
        }
    }

    @RolesAllowed("budget-tapd")
    @Path("/budget")
    static class RolesClass {
        @GET
        public String read() {
            return "";
        }

        @GET
        @Path("/summary")
        @Public
        public String summary() {
            return "";
        }

        @POST
        @RolesAllowed({})
        public String nobody() {
            return "";
        }
    }

    @Public
    @RolesAllowed("admin")
    static class BothOnClass {
        @GET
        public String read() {
            return "";
        }
    }

    static class InheritsRoles extends RolesClass {
        @Override
        public String read() {
            return "";
        }

        @GET
        @Path("/extra")
        public String extra() {
            return "";
        }
    }

    interface Api {
        @GET
        @Public
        String read();
    }

    static class ImplementsApi implements Api {
        @Override
        public String read() {
            return "";
        }
    }

    @Test
    void unannotatedIsAdminOnlyByDefault() throws Exception {
        AccessRule rule = rule(Unannotated.class, "read");
        assertEquals(AccessRule.ADMIN_BY_DEFAULT, rule);
        assertTrue(rule.defaulted());
        assertFalse(rule.isPublic());
        assertTrue(rule.admits(Set.of("admin")));
        assertFalse(rule.admits(Set.of("viewer", "complaints-coordinator")));
        assertFalse(rule.admits(Set.of()));
    }

    @Test
    void classAnnotationAppliesToItsMethods() throws Exception {
        assertTrue(rule(PublicClass.class, "read").isPublic());
        assertTrue(rule(PublicClass.class, "read").admits(Set.of()));
        assertEquals(Set.of("budget-tapd"), rule(RolesClass.class, "read").roles());
    }

    @Test
    void methodAnnotationReplacesClassAnnotation() throws Exception {
        AccessRule write = rule(PublicClass.class, "write");
        assertFalse(write.isPublic(), "a role on the method makes a method of a public class protected");
        assertEquals(Set.of("complaints-coordinator", "complaints-liaison"), write.roles());
        assertTrue(write.admits(Set.of("complaints-liaison")));
        assertFalse(write.admits(Set.of("budget-tapd")));
        assertTrue(rule(RolesClass.class, "summary").isPublic(), "@Public on the method opens one method");
    }

    @Test
    void emptyRolesAdmitNobody() throws Exception {
        AccessRule nobody = rule(RolesClass.class, "nobody");
        assertFalse(nobody.isPublic());
        assertFalse(nobody.admits(Set.of("admin", "budget-tapd")));
    }

    @Test
    void rolesWinOverPublicOnTheSameElement() throws Exception {
        AccessRule both = rule(BothOnClass.class, "read");
        assertFalse(both.isPublic());
        assertEquals(Set.of("admin"), both.roles());
    }

    @Test
    void overridesAndSubclassesKeepTheRulesOfWhatTheyExtend() throws Exception {
        assertEquals(Set.of("budget-tapd"), rule(InheritsRoles.class, "read").roles(),
                "an override without annotation keeps its superclass's class annotation");
        assertEquals(Set.of("budget-tapd"), rule(InheritsRoles.class, "extra").roles());
        assertTrue(AccessRule.of(InheritsRoles.class, RolesClass.class.getMethod("summary")).isPublic(),
                "an inherited method keeps its own annotation");
        assertTrue(rule(ImplementsApi.class, "read").isPublic(), "an annotation on the interface method counts");
    }

    @Test
    void anUnknownMethodIsAdminOnly() {
        assertEquals(AccessRule.ADMIN_BY_DEFAULT, AccessRule.of(PublicClass.class, null));
    }

    private static AccessRule rule(Class<?> type, String method) throws NoSuchMethodException {
        Method found = type.getMethod(method);
        return AccessRule.of(type, found);
    }
}
