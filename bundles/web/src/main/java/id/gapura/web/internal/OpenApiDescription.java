package id.gapura.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The OpenAPI 3 description of what is deployed: swagger-core's JAX-RS {@link Reader} reads each deployed
 * resource class (paths, parameters, bodies and their schemas), under the base of its application; then each
 * operation gets who may call it from its {@link Endpoint} (no security, or HTTP Basic or a bearer token with
 * the roles as {@code x-gapura-roles}), a tag naming its module, and the problem+json answers of the platform.
 */
public final class OpenApiDescription {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDescription.class);

    static final String PROBLEM = "Problem";
    private static final String SCHEMAS = "#/components/schemas/";
    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String ROLES_EXTENSION = "x-gapura-roles";
    /** Open311 GeoReport v2 has its own error format: the platform's problem answers are not added there. */
    static final String OPEN311 = "/open311/";

    private static final Map<String, String> PROBLEM_ANSWERS = Map.of(
            "400", "The request is malformed: a parameter or the body cannot be read",
            "404", "Nothing is found at this path",
            "413", "The request body is too large",
            "422", "The request is readable but a field is not valid");
    private static final Map<String, String> REFUSALS = Map.of(
            "401", "Credentials are missing or wrong",
            "403", "The caller lacks the role this operation needs");

    private final String version;

    public OpenApiDescription(String version) {
        this.version = version;
        // modules name their DTOs alike (View, Input): schemas are named by class name first, see write(...)
        TypeNameResolver.std.setUseFqn(true);
    }

    /**
     * The document as JSON, each schema under its simple class name where that is unique, else under its class name
     * without {@code id.gapura.} ({@code permits.rest.TypesResource.View}): OpenAPI allows no {@code $} in a name.
     */
    public static String write(OpenAPI api) throws JsonProcessingException {
        ObjectNode document = Json.mapper().valueToTree(api);
        JsonNode schemas = document.path("components").path("schemas");
        if (schemas instanceof ObjectNode named) {
            Map<String, String> names = names(named.fieldNames());
            ObjectNode renamed = Json.mapper().createObjectNode();
            named.fields().forEachRemaining(entry -> renamed.set(names.get(entry.getKey()), entry.getValue()));
            ((ObjectNode) document.get("components")).set("schemas", renamed);
            rewriteReferences(document, names);
        }
        return Json.mapper().writeValueAsString(document);
    }

    static Map<String, String> names(Iterator<String> classNames) {
        List<String> all = new ArrayList<>();
        classNames.forEachRemaining(all::add);
        Map<String, Long> simpleCounts = all.stream().collect(Collectors.groupingBy(OpenApiDescription::simpleName, Collectors.counting()));
        Map<String, String> names = new TreeMap<>();
        for (String name : all) {
            String simple = simpleName(name);
            names.put(name, simpleCounts.get(simple) == 1 ? simple : name.replaceFirst("^id\\.gapura\\.", "").replace('$', '.'));
        }
        return names;
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> names) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                String target = ref.asText().substring(SCHEMAS.length());
                object.put("$ref", SCHEMAS + names.getOrDefault(target, target));
            }
            object.elements().forEachRemaining(child -> rewriteReferences(child, names));
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteReferences(child, names));
        }
    }

    /** The description of these resource classes, with the access rules of these endpoints. */
    public OpenAPI describe(Collection<EndpointCatalog.Resource> resources, Collection<Endpoint> endpoints) {
        Reader reader = new Reader(new OpenAPI().components(new Components()));
        resources.stream()
                .sorted(Comparator.comparing(EndpointCatalog.Resource::base).thenComparing(r -> r.type().getName()))
                .forEach(resource -> {
                    try {
                        reader.read(resource.type(), resource.base(), null, false, null, null,
                                new LinkedHashSet<>(), new ArrayList<>(), new HashSet<>());
                    } catch (RuntimeException | LinkageError e) {
                        // one module's unreadable class leaves it out of the document, not the whole document
                        LOG.warn("The OpenAPI description leaves out {} at {}: {}", resource.type().getName(),
                                resource.base(), e.toString());
                    }
                });
        OpenAPI api = reader.getOpenAPI();
        api.openapi("3.0.3")
                .info(new Info().title("Gapura").version(version)
                        .description("The REST APIs of the platform and of every module installed now. "
                                + "Errors are application/problem+json (RFC 9457), except under /open311/."));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A token from POST /api/security/tokens"))
                .addSchemas(PROBLEM, problemSchema()));
        api.setPaths(sorted(api.getPaths()));
        Map<String, Endpoint> byOperation = endpoints.stream()
                .collect(Collectors.toMap(e -> key(e.method(), normalised(e.path())), Function.identity(), (a, b) -> a));
        List<String> bases = resources.stream().map(EndpointCatalog.Resource::base).distinct()
                .sorted(Comparator.comparing(String::length).reversed()).toList();
        Set<String> tags = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Endpoint endpoint = byOperation.get(key(method.name(), path));
            String tag = tag(bases, path);
            operation.setTags(List.of(tag));
            tags.add(tag);
            secure(operation, endpoint);
            if (!path.startsWith(OPEN311)) {
                problems(operation, endpoint == null || !endpoint.isPublic());
            }
        }));
        api.setTags(tags.stream().map(name -> new Tag().name(name)).toList());
        return api;
    }

    private static void secure(Operation operation, Endpoint endpoint) {
        if (endpoint != null && endpoint.isPublic()) {
            operation.setSecurity(List.of()); // explicitly none
            return;
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
        // a method of a sub-resource has no endpoint of its own: the platform's default, admin only, is what holds
        operation.addExtension(ROLES_EXTENSION, endpoint == null ? List.of(AccessRule.ADMIN) : endpoint.roles());
    }

    private static void problems(Operation operation, boolean refusable) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        PROBLEM_ANSWERS.forEach((status, description) -> responses.putIfAbsent(status, problem(description)));
        if (refusable) {
            REFUSALS.forEach((status, description) -> responses.putIfAbsent(status, problem(description)));
        }
        operation.setResponses(sortedResponses(responses));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(Problem.MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM))));
    }

    private static ApiResponses sortedResponses(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(fieldError));
    }

    private static Paths sorted(Paths paths) {
        Paths sorted = new Paths();
        if (paths != null) {
            new TreeMap<>(paths).forEach(sorted::addPathItem);
        }
        return sorted;
    }

    /**
     * Who serves a path, named after the base of its application (the longest that prefixes it):
     * {@code /api/permits} is {@code permits}, {@code /api} the {@code platform}, {@code /open311/v2} {@code open311}.
     */
    static String tag(List<String> basesLongestFirst, String path) {
        String base = basesLongestFirst.stream()
                .filter(b -> path.equals(b) || path.startsWith(b.endsWith("/") ? b : b + "/"))
                .findFirst().orElse("");
        if (base.equals("/api") || base.isEmpty() || base.equals("/")) {
            return "platform";
        }
        String[] segments = base.replaceFirst("^/", "").split("/");
        return segments[0].equals("api") && segments.length > 1 ? segments[1] : segments[0];
    }

    /** A JAX-RS template as OpenAPI writes it: {@code {id: [0-9]+}} is {@code {id}}. */
    static String normalised(String template) {
        return template.replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^/]*}", "{$1}");
    }

    private static String key(String method, String path) {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }
}
