package id.gapura.web.internal;

import org.junit.jupiter.api.Test;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** OPTIONS and 405 name the methods that really answer at the path, not every method of the resource class. */
class AllowedMethodsTest {

    @Path("/api/things")
    public static class Things {
        @GET
        public String list() {
            return "";
        }

        @POST
        public String add() {
            return "";
        }

        @GET
        @Path("{id}")
        public String one(@PathParam("id") String id) {
            return "";
        }

        @DELETE
        @Path("{id}")
        public void remove(@PathParam("id") String id) {
        }

        @PUT
        @Path("{id}/name")
        public void rename(@PathParam("id") String id) {
        }

        @GET
        @Path("export.{format: [^/.]+}")
        public String export(@PathParam("format") String format) {
            return "";
        }
    }

    private final EndpointCatalog catalog = new EndpointCatalog();

    AllowedMethodsTest() {
        for (Method method : Things.class.getDeclaredMethods()) {
            catalog.add(this, Endpoint.of(Things.class, method));
        }
    }

    private Response options(String path) {
        AtomicReference<Response> aborted = new AtomicReference<>();
        UriInfo uri = FakeHttp.uriInfo(path);
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{ContainerRequestContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> "OPTIONS";
                    case "getUriInfo" -> uri;
                    case "abortWith" -> {
                        aborted.set((Response) a[0]);
                        yield null;
                    }
                    default -> null;
                });
        new OptionsAnswer(catalog).filter(request);
        return aborted.get();
    }

    @Test
    void optionsListsTheMethodsOfThatPathOnly() {
        Response collection = options("/api/things");
        assertEquals(204, collection.getStatus());
        assertEquals("GET, HEAD, POST, OPTIONS", collection.getHeaderString("Allow"));
        assertEquals("GET, HEAD, DELETE, OPTIONS", options("/api/things/42").getHeaderString("Allow"));
        assertEquals("GET, HEAD, DELETE, OPTIONS", options("/api/things/42/").getHeaderString("Allow"));
        assertEquals("PUT, OPTIONS", options("/api/things/42/name").getHeaderString("Allow"));
        assertEquals("GET, HEAD, DELETE, OPTIONS", options("/api/things/export.csv").getHeaderString("Allow"),
                "export.csv matches both {id} and export.{format}");
    }

    @Test
    void optionsOfNothingIsA404Problem() {
        Response nothing = options("/api/nothing/here");
        assertEquals(404, nothing.getStatus());
        assertEquals("application/problem+json", nothing.getMediaType().toString());
        assertNull(nothing.getHeaderString("Allow"));
    }

    @Test
    void notAllowedNamesWhatThePathAllowsNotWhatTheClassHas() {
        // CXF lists every method of the class: GET, POST, DELETE, PUT
        Response response = new WebApplicationExceptionMapper(catalog).allowing(
                new NotAllowedException("GET", new String[]{"POST", "DELETE", "PUT"}), List.of("/api/things/42/name"))
                .build();
        assertEquals(405, response.getStatus());
        assertEquals("PUT, OPTIONS", response.getHeaderString("Allow"));

        // what CXF really throws: a WebApplicationException with a 405 response carrying the class's methods
        Response cxf = Response.status(405).header("Allow", "POST").header("Allow", "DELETE").build();
        Response mapped = new WebApplicationExceptionMapper(catalog).allowing(
                new javax.ws.rs.WebApplicationException(cxf), List.of("/api/things")).build();
        assertEquals(405, mapped.getStatus());
        assertEquals("GET, HEAD, POST, OPTIONS", mapped.getHeaderString("Allow"));
        assertEquals("This resource does not accept this HTTP method; see the Allow header.",
                ((Problem) mapped.getEntity()).detail());
        Response withoutCatalog = new WebApplicationExceptionMapper().allowing(
                new javax.ws.rs.WebApplicationException(cxf), List.of("/api/things")).build();
        assertEquals("POST,DELETE", withoutCatalog.getHeaderString("Allow").replace(", ", ","));
    }
}
