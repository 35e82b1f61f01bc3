package id.gapura.web.internal;

import id.gapura.api.Public;
import id.gapura.api.RolesAllowed;
import org.junit.jupiter.api.Test;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.core.MediaType;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointTest {

    @Path("/api/permits/")
    @Consumes(MediaType.APPLICATION_JSON)
    static class Permits {
        @GET
        @Path("{number}/verification")
        @Public
        public String verify() {
            return "";
        }

        @POST
        @RolesAllowed({"permits-frontoffice", "admin"})
        public String apply() {
            return "";
        }

        @DELETE
        @Path("/{number}")
        @Consumes({"text/plain, application/xml"})
        public void withdraw() {
        }

        @Path("/documents")
        public Object documents() {
            return null;
        }
    }

    @Test
    void pathMethodAndAccessComeFromTheAnnotations() throws Exception {
        Endpoint verify = Endpoint.of(Permits.class, Permits.class.getMethod("verify"));
        assertEquals("GET", verify.method());
        assertEquals("/api/permits/{number}/verification", verify.path());
        assertTrue(verify.isPublic());
        assertEquals(List.of(), verify.roles());
        assertEquals(Permits.class.getName(), verify.resource());

        Endpoint apply = Endpoint.of(Permits.class, Permits.class.getMethod("apply"));
        assertEquals("/api/permits", apply.path());
        assertEquals(List.of("admin", "permits-frontoffice"), apply.roles());
        assertEquals(List.of(MediaType.APPLICATION_JSON), apply.consumes());

        Endpoint withdraw = Endpoint.of(Permits.class, Permits.class.getMethod("withdraw"));
        assertEquals("DELETE", withdraw.method());
        assertFalse(withdraw.isPublic());
        assertTrue(withdraw.defaulted());
        assertEquals(List.of("admin"), withdraw.roles());
        assertEquals(List.of("text/plain", "application/xml"), withdraw.consumes());

        assertEquals("*", Endpoint.of(Permits.class, Permits.class.getMethod("documents")).method(),
                "a sub-resource locator answers no HTTP method itself");
    }

    @Test
    void templatesAreJoinedWithOneSlash() {
        assertEquals("/", Endpoint.template(null, null));
        assertEquals("/api/health", Endpoint.template(path("api/health/"), null));
        assertEquals("/api/a/b", Endpoint.template(path("/api/a/"), path("/b/")));
    }

    private static Path path(String value) {
        return new Path() {
            @Override
            public String value() {
                return value;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return Path.class;
            }
        };
    }
}
