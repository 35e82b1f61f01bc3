package id.gapura.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.gapura.api.Public;
import id.gapura.api.RolesAllowed;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiDescriptionTest {

    public record Application(String name, BigDecimal fee) {
    }

    @Path("applications")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("permits-frontoffice")
    public static class Applications {
        @GET
        @Path("{number: [A-Z0-9-]+}")
        @Public
        public Application track(@PathParam("number") String number) {
            return null;
        }

        @GET
        public List<Application> list(@QueryParam("limit") Integer limit, @QueryParam("status") String status) {
            return List.of();
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Application apply(Application application) {
            return application;
        }

        @DELETE
        @Path("{number}")
        @RolesAllowed({"permits-head", "admin"})
        public void withdraw(@PathParam("number") String number) {
        }
    }

    @Path("health")
    @Public
    public static class Health {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Boolean> health() {
            return Map.of();
        }
    }

    @Path("requests.json")
    @Public
    public static class Requests {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public List<String> requests() {
            return List.of();
        }
    }

    private final OpenAPI api = describe(Map.of(
            "/api/permits", Applications.class, "/api", Health.class, "/open311/v2", Requests.class));

    @Test
    void everyResourceMethodIsAnOperationUnderItsApplicationsBase() {
        assertEquals(Set.of("/api/health", "/api/permits/applications", "/api/permits/applications/{number}",
                "/open311/v2/requests.json"), api.getPaths().keySet());
        assertNotNull(api.getPaths().get("/api/permits/applications/{number}").getGet());
        assertNotNull(api.getPaths().get("/api/permits/applications/{number}").getDelete());
        assertEquals("3.0.3", api.getOpenapi());
        assertEquals("0.1.0", api.getInfo().getVersion());
    }

    @Test
    void parametersAndBodiesComeFromTheMethodSignatures() {
        Operation list = api.getPaths().get("/api/permits/applications").getGet();
        assertEquals(List.of("query:limit:integer", "query:status:string"), parameters(list));
        Operation track = api.getPaths().get("/api/permits/applications/{number}").getGet();
        assertEquals(List.of("path:number:string"), parameters(track));
        assertTrue(track.getParameters().get(0).getRequired());

        Operation apply = api.getPaths().get("/api/permits/applications").getPost();
        assertNotNull(apply.getRequestBody().getContent().get(MediaType.APPLICATION_JSON));
        assertTrue(api.getComponents().getSchemas().get(Application.class.getName()).getProperties().containsKey("fee"));
        assertNotNull(apply.getResponses().get("default").getContent().get(MediaType.APPLICATION_JSON));
    }

    @Test
    void securityAndRolesComeFromTheAccessRules() {
        Operation track = api.getPaths().get("/api/permits/applications/{number}").getGet();
        assertEquals(List.of(), track.getSecurity(), "public: explicitly no security");
        assertNull(track.getResponses().get("401"));

        Operation withdraw = api.getPaths().get("/api/permits/applications/{number}").getDelete();
        assertEquals(2, withdraw.getSecurity().size());
        assertTrue(withdraw.getSecurity().get(0).containsKey(OpenApiDescription.BASIC));
        assertTrue(withdraw.getSecurity().get(1).containsKey(OpenApiDescription.BEARER));
        assertEquals(List.of("admin", "permits-head"), withdraw.getExtensions().get(OpenApiDescription.ROLES_EXTENSION));
        assertNotNull(withdraw.getResponses().get("401").getContent().get(Problem.MEDIA_TYPE));
        assertNotNull(withdraw.getResponses().get("403"));

        Set<String> schemes = api.getComponents().getSecuritySchemes().keySet();
        assertEquals(Set.of("basic", "bearer"), schemes);
    }

    @Test
    void apiErrorsAreProblemsButOpen311KeepsItsOwnFormat() {
        Operation health = api.getPaths().get("/api/health").getGet();
        assertNotNull(health.getResponses().get("422").getContent().get(Problem.MEDIA_TYPE));
        assertEquals(List.of("platform"), health.getTags());
        Operation requests = api.getPaths().get("/open311/v2/requests.json").getGet();
        assertNull(requests.getResponses().get("400"));
        assertEquals(List.of("open311"), requests.getTags());
        assertEquals(List.of("permits"), api.getPaths().get("/api/permits/applications").getPost().getTags());
    }

    @Test
    void aModuleThatGoesTakesItsPathsWithIt() {
        OpenAPI without = describe(Map.of("/api", Health.class));
        assertEquals(Set.of("/api/health"), without.getPaths().keySet());
    }

    @Test
    void theDocumentIsOpenApiJsonWithOnlyTheFieldsOfTheSpecification() throws Exception {
        JsonNode document = new ObjectMapper().readTree(OpenApiDescription.write(api));
        assertEquals("3.0.3", document.path("openapi").asText());
        assertEquals("http", document.at("/components/securitySchemes/basic/type").asText());
        assertTrue(document.at("/paths/~1api~1permits~1applications~1{number}/get/security").isArray());
        assertFalse(document.toString().contains("exampleSetFlag"), document.toString());
        assertEquals("#/components/schemas/Application",
                document.at("/paths/~1api~1permits~1applications/post/requestBody/content/application~1json/schema/$ref").asText());
        assertTrue(document.at("/components/schemas/Application/properties/fee").isObject(), document.toString());
    }

    @Test
    void schemasOfTheSameSimpleNameKeepTheirOwnNames() {
        assertEquals(Map.of("id.gapura.permits.rest.Types$View", "permits.rest.Types.View",
                        "id.gapura.sakip.rest.Plans$View", "sakip.rest.Plans.View",
                        "id.gapura.sakip.rest.Plans$Input", "Input", "Problem", "Problem"),
                OpenApiDescription.names(List.of("id.gapura.permits.rest.Types$View", "id.gapura.sakip.rest.Plans$View",
                        "id.gapura.sakip.rest.Plans$Input", "Problem").iterator()));
    }

    @Test
    void regexTemplatesAreNormalised() {
        assertEquals("/api/a/{id}/b", OpenApiDescription.normalised("/api/a/{id: [0-9]+}/b"));
        assertEquals("/api/a/{id}", OpenApiDescription.normalised("/api/a/{id}"));
    }

    private static List<String> parameters(Operation operation) {
        return operation.getParameters().stream()
                .map((Parameter p) -> p.getIn() + ":" + p.getName() + ":" + p.getSchema().getType()).toList();
    }

    private static OpenAPI describe(Map<String, Class<?>> resources) {
        List<EndpointCatalog.Resource> deployed = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        resources.forEach((base, type) -> {
            deployed.add(new EndpointCatalog.Resource(base, type));
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isSynthetic()) {
                    endpoints.add(Endpoint.of(base, type, method));
                }
            }
        });
        return new OpenApiDescription("0.1.0").describe(deployed, endpoints);
    }
}
