package id.gapura.distribution;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/openapi.json} on the assembled distribution: a valid OpenAPI 3 document (read by swagger-parser,
 * an independent reader, with no error), anonymous, describing the platform's operations with their security, and
 * following the modules: installing one adds its paths, uninstalling it takes them away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiIT {

    private GapuraInstance gapura;

    @BeforeAll
    void boot() throws Exception {
        gapura = new GapuraInstance();
        gapura.start();
    }

    @AfterAll
    void shutdown() throws Exception {
        gapura.close();
    }

    @Test
    @Order(1)
    void theDocumentIsValidOpenApi3AndAnonymous() throws Exception {
        HttpResponse<String> answer = gapura.get("/api/openapi.json");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), answer.headers().toString());
        OpenAPI api = parse(answer.body());
        assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());
        assertTrue(api.getPaths().keySet().containsAll(List.of("/api/health", "/api/modules", "/api/openapi.json",
                "/api/security/endpoints")), api.getPaths().keySet().toString());
        assertEquals(Set.of("basic", "bearer"), api.getComponents().getSecuritySchemes().keySet());

        Operation health = api.getPaths().get("/api/health").getGet();
        assertEquals(List.of(), health.getSecurity(), "public: no security");
        Operation modules = api.getPaths().get("/api/modules").getGet();
        assertEquals(2, modules.getSecurity().size());
        assertEquals(List.of("admin", "viewer"), modules.getExtensions().get("x-gapura-roles"));
        assertNotNull(modules.getResponses().get("401").getContent().get("application/problem+json"));
    }

    @Test
    @Order(2)
    void installingAModuleAddsItsPathsAndUninstallingRemovesThem() throws Exception {
        assertFalse(paths().stream().anyMatch(path -> path.startsWith("/api/permits/")), "permits is not installed yet");

        GapuraInstance.Shell install = gapura.console("module:install --force permits");
        assertEquals(0, install.exitStatus(), install.output());
        await("the permits paths are described").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> paths().containsAll(List.of("/api/permits/types", "/api/permits/types/{code}/fee-simulation")));
        OpenAPI withPermits = parse(gapura.get("/api/openapi.json").body());
        Operation simulation = withPermits.getPaths().get("/api/permits/types/{code}/fee-simulation").getPost();
        assertEquals(List.of("permits"), simulation.getTags());
        assertTrue(simulation.getParameters().stream().anyMatch(p -> p.getIn().equals("path") && p.getName().equals("code")),
                simulation.getParameters().toString());

        GapuraInstance.Shell uninstall = gapura.console("module:uninstall permits");
        assertEquals(0, uninstall.exitStatus(), uninstall.output());
        await("the permits paths are gone").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> paths().stream().noneMatch(path -> path.startsWith("/api/permits/")));
        assertTrue(paths().contains("/api/health"), "the platform's paths stay");
    }

    @Test
    @Order(3)
    void theLibrariesAreBundlesResolvedInTheContainer() throws Exception {
        GapuraInstance.Shell bundles = gapura.console("bundle:list -t 0 -s --no-format");
        // swagger-core is Active only if its imports resolved, jackson-dataformat-yaml and snakeyaml among them
        for (String bundle : List.of("io.swagger.core.v3.swagger-annotations", "io.swagger.core.v3.swagger-models",
                "io.swagger.core.v3.swagger-core", "io.swagger.core.v3.swagger-integration", "io.swagger.core.v3.swagger-jaxrs2",
                "io.github.classgraph.classgraph", "org.apache.commons.lang3", "jakarta.validation.jakarta.validation-api",
                "id.gapura.web")) {
            assertTrue(bundles.lines().stream().anyMatch(line -> line.contains("Active") && line.endsWith(bundle)),
                    bundle + " is not active: " + bundles.output());
        }
        // a fragment is never Active: Resolved, attached to pax-web-jetty (whose etc/jetty.xml names its class)
        assertTrue(bundles.lines().stream().anyMatch(line -> line.contains("Resolved") && line.endsWith("id.gapura.web.jetty")),
                "the Jetty error handler fragment is not resolved: " + bundles.output());
        GapuraInstance.Shell diag = gapura.console("bundle:diag");
        assertEquals(0, diag.exitStatus(), diag.output());
        assertFalse(diag.output().contains("swagger") || diag.output().contains("gapura"), "bundle:diag: " + diag.output());
    }

    private Set<String> paths() throws Exception {
        HttpResponse<String> answer = gapura.get("/api/openapi.json");
        assertEquals(200, answer.statusCode(), answer.body());
        return parse(answer.body()).getPaths().keySet();
    }

    /** The document as an independent parser reads it; any message it has is a test failure. */
    static OpenAPI parse(String json) {
        SwaggerParseResult result = new OpenAPIParser().readContents(json, null, null);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        assertEquals(List.of(), messages, "the OpenAPI document has errors");
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }
}
