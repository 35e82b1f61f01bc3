package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bad inputs the fuzz test sends, derived from an OpenAPI document: for every operation, each path and query
 * parameter in turn set to each hostile value (the others plausible), and for a body, unreadable documents, then each
 * field of its schema in turn set to each hostile value of its type and of the wrong type. No randomness: the same
 * document gives the same cases, so a failure reproduces by its description alone.
 */
final class FuzzCases {

    static final String LONG = "x".repeat(10_000);

    /** Hostile scalars as they go into a path segment or a query parameter. */
    static final List<String> SCALARS = List.of("1e1000000", "123456789012345678901234567890", "-1", "0", "abc", "",
            "\u0000", "../../etc/passwd", "null", "true", "1.5", "-9223372036854775809", "2024-02-30",
            "\u00fc\u4e2d\uD834\uDD1E\u202e", "' OR '1'='1", LONG);

    /** Hostile JSON values for a field, raw (as they stand in the document). */
    static final List<String> JSON_NUMBERS = List.of("1e1000000", "123456789012345678901234567890", "-1e400", "1e-400",
            "-1", "0.000000000000000000000000001", "\"abc\"", "true", "{}", "[1]", "null");
    static final List<String> JSON_STRINGS = List.of(quote(LONG), "\"\\u0000\"", "\"../../etc\"",
            "\"\\u00fc\\u4e2d\\ud834\\udd1e\\u202e\"", "\"\"", "\" \"", "12", "1e1000000", "{}", "[\"a\"]", "null",
            "\"javascript:alert(1)\"");
    static final List<String> JSON_OTHERS = List.of("\"abc\"", "1e1000000", "{}", "[]", "null", quote(LONG));

    /** Whole bodies that are not the document the operation reads. */
    static final List<String> BAD_JSON_BODIES = List.of("", "{", "[]", "null", "\"x\"", "1e1000000", "{}",
            "{\"unknown\":1}", "{\"a\":", "\u0000", "[" + "1,".repeat(2000) + "1]", quote(LONG));
    static final List<String> BAD_TEXT_BODIES = List.of("", "\"unterminated,quote\n1,2\n", "a,b,c\n" + LONG + "\n",
            "\u0000\u0000", "=cmd|' /C calc'!A0,1\n");

    record Case(String method, String template, String path, String contentType, String body, String description) {
        @Override
        public String toString() {
            return method + " " + template + " [" + description + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAPI api;
    /** A value that exists for a path parameter of a template (code=REKLAME), so that bad inputs get past the lookup. */
    interface Seeds {
        String of(String template, String parameter);
    }

    private final Seeds seeds;

    FuzzCases(OpenAPI api, Seeds seeds) {
        this.api = api;
        this.seeds = seeds;
    }

    /** The first value of each field name in a JSON answer (depth first), to use as a path parameter's seed. */
    static void collectSeeds(JsonNode node, Map<String, String> seeds) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if ((value.isTextual() && !value.asText().isBlank() && value.asText().length() < 100) || value.isIntegralNumber()) {
                    seeds.putIfAbsent(field.getKey(), value.asText());
                }
                collectSeeds(value, seeds);
            });
        } else if (node.isArray()) {
            node.elements().forEachRemaining(element -> collectSeeds(element, seeds));
        }
    }

    /** Every case for one operation, in a stable order. */
    List<Case> of(String template, PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Map<String, String> plausible = new LinkedHashMap<>();
        parameters.forEach(p -> {
            String seed = "path".equals(p.getIn()) ? seeds.of(template, p.getName()) : null;
            plausible.put(key(p), seed != null ? seed : plausible(p));
        });
        Body body = body(operation);
        List<Case> cases = new ArrayList<>();
        cases.add(request(method, template, parameters, plausible, body.plausible(), body.contentType(), "plausible"));
        for (Parameter parameter : parameters) {
            if (!"path".equals(parameter.getIn()) && !"query".equals(parameter.getIn())) {
                continue;
            }
            for (String value : SCALARS) {
                Map<String, String> values = new LinkedHashMap<>(plausible);
                values.put(key(parameter), value);
                cases.add(request(method, template, parameters, values, body.plausible(), body.contentType(),
                        parameter.getIn() + " " + parameter.getName() + "=" + abbreviate(value)));
            }
        }
        for (Map.Entry<String, String> bad : body.bad().entrySet()) {
            cases.add(request(method, template, parameters, plausible, bad.getValue(), body.contentType(), bad.getKey()));
        }
        if (body.contentType() != null) {
            cases.add(request(method, template, parameters, plausible, body.plausible(),
                    body.contentType() + "; charset=x-unknown", "an unknown charset"));
            cases.add(request(method, template, parameters, plausible, body.plausible(), "application/x-unknown", "an unknown media type"));
        }
        return cases;
    }

    private record Body(String contentType, String plausible, Map<String, String> bad) {
        static final Body NONE = new Body(null, null, Map.of());
    }

    private Body body(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().isEmpty()) {
            return Body.NONE;
        }
        Map.Entry<String, MediaType> first = operation.getRequestBody().getContent().entrySet().iterator().next();
        String type = first.getKey();
        Map<String, String> bad = new LinkedHashMap<>();
        if (type.contains("json")) {
            Schema<?> schema = resolve(first.getValue().getSchema());
            BAD_JSON_BODIES.forEach(b -> bad.put("body " + abbreviate(b), b));
            JsonNode plausible = plausibleJson(schema, 0);
            for (List<Object> field : leaves(plausible, new ArrayList<>())) {
                String name = field.stream().map(String::valueOf).collect(Collectors.joining("."));
                for (String value : hostile(leafSchema(schema, field))) {
                    bad.put("field " + name + "=" + abbreviate(value), withRaw(plausible, field, value));
                }
                bad.put("field " + name + " missing", withRaw(plausible, field, null));
            }
            if (plausible.isObject()) {
                ObjectNode unknown = plausible.deepCopy();
                unknown.put("unknownField", 1);
                bad.put("an unknown field", unknown.toString());
            }
            return new Body("application/json", plausible.toString(), bad);
        }
        if (type.contains("form")) {
            Schema<?> schema = resolve(first.getValue().getSchema());
            Map<String, Schema> properties = schema == null || schema.getProperties() == null ? Map.of() : schema.getProperties();
            for (String field : properties.keySet()) {
                for (String value : SCALARS) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    properties.keySet().forEach(name -> fields.put(name, "x"));
                    fields.put(field, value);
                    bad.put("form " + field + "=" + abbreviate(value), form(fields));
                }
            }
            return new Body("application/x-www-form-urlencoded", form(Map.of()), bad);
        }
        if (type.startsWith("text/") || type.equals("*/*")) {
            BAD_TEXT_BODIES.forEach(b -> bad.put("text " + abbreviate(b), b));
            return new Body(type.equals("*/*") ? "text/plain" : type, "", bad);
        }
        // binary uploads (photos, attachments): bytes that are not what the type says
        bad.put("binary garbage", "GIF89a\u0000\u0000not an image");
        bad.put("binary empty", "");
        return new Body(type, "", bad);
    }

    private static List<String> hostile(Schema<?> schema) {
        String type = schema == null ? null : schema.getType();
        if ("integer".equals(type) || "number".equals(type)) {
            return JSON_NUMBERS;
        }
        if ("string".equals(type)) {
            return JSON_STRINGS;
        }
        return JSON_OTHERS;
    }

    private static final int DEPTH = 4;
    private static final String MARK = "__gapura_fuzz_value__";

    /** A document of the schema's shape: every field present, arrays with one element, plausible scalars. */
    private JsonNode plausibleJson(Schema<?> schema, int depth) {
        schema = resolve(schema);
        String type = schema == null ? null : schema.getType();
        if (schema != null && schema.getProperties() != null && depth < DEPTH) {
            ObjectNode object = JSON.createObjectNode();
            schema.getProperties().forEach((name, property) -> object.set(name, plausibleJson(property, depth + 1)));
            return object;
        }
        if ("array".equals(type) && depth < DEPTH) {
            ArrayNode array = JSON.createArrayNode();
            array.add(plausibleJson(schema.getItems(), depth + 1));
            return array;
        }
        if (type == null || "object".equals(type) || "array".equals(type)) {
            return "array".equals(type) ? JSON.createArrayNode() : JSON.createObjectNode();
        }
        return switch (type) {
            case "integer" -> IntNode.valueOf(1);
            case "number" -> DecimalNode.valueOf(java.math.BigDecimal.ONE);
            case "boolean" -> BooleanNode.TRUE;
            default -> TextNode.valueOf(schema.getEnum() != null && !schema.getEnum().isEmpty() ? String.valueOf(schema.getEnum().get(0))
                    : "date-time".equals(schema.getFormat()) ? "2026-01-01T00:00:00Z"
                    : "date".equals(schema.getFormat()) ? "2026-01-01" : "x");
        };
    }

    /** The paths of the scalar fields (and empty containers) of a document: names and array indexes. */
    private static List<List<Object>> leaves(JsonNode node, List<Object> at) {
        List<List<Object>> leaves = new ArrayList<>();
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(field -> leaves.addAll(leaves(field.getValue(), append(at, field.getKey()))));
        } else if (node.isArray() && node.size() > 0) {
            leaves.addAll(leaves(node.get(0), append(at, 0)));
        } else if (!at.isEmpty()) {
            leaves.add(at);
        }
        return leaves;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private Schema<?> leafSchema(Schema<?> schema, List<Object> path) {
        Schema<?> at = resolve(schema);
        for (Object step : path) {
            if (at == null) {
                return null;
            }
            at = resolve(step instanceof Integer ? at.getItems() : at.getProperties() == null ? null : at.getProperties().get(step));
        }
        return at;
    }

    /** The document with the field at path set to a raw JSON value (which a tree cannot hold, e.g. 1e1000000), or removed. */
    private static String withRaw(JsonNode document, List<Object> path, String raw) {
        JsonNode copy = document.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (raw == null) {
            if (parent instanceof ObjectNode object) {
                object.remove((String) last);
            } else if (parent instanceof ArrayNode array) {
                array.remove((Integer) last);
            }
            return copy.toString();
        }
        if (parent instanceof ObjectNode object) {
            object.put((String) last, MARK);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, TextNode.valueOf(MARK));
        }
        return copy.toString().replace(quote(MARK), raw);
    }

    private Schema<?> resolve(Schema<?> schema) {
        if (schema != null && schema.get$ref() != null && api.getComponents() != null && api.getComponents().getSchemas() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return api.getComponents().getSchemas().get(name);
        }
        return schema;
    }

    private static String plausible(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        String type = schema == null ? "string" : String.valueOf(schema.getType());
        if (parameter.getName().equals("format")) {
            return "json"; // Open311: requests.{format}
        }
        return switch (type) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "1";
        };
    }

    private static Case request(PathItem.HttpMethod method, String template, List<Parameter> parameters,
                                Map<String, String> values, String body, String contentType, String description) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (Parameter parameter : parameters) {
            String value = values.get(key(parameter));
            if ("path".equals(parameter.getIn())) {
                path = path.replace("{" + parameter.getName() + "}", encode(value));
            } else if ("query".equals(parameter.getIn()) && value != null) {
                query.add(encode(parameter.getName()) + "=" + encode(value));
            }
        }
        String uri = query.isEmpty() ? path : path + "?" + String.join("&", query);
        return new Case(method.name(), template, uri, body == null ? null : contentType, body, description);
    }

    private static String key(Parameter parameter) {
        return parameter.getIn() + ":" + parameter.getName();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String abbreviate(String text) {
        String shown = text.replace("\u0000", "\\0").replace("\n", "\\n");
        return shown.length() > 40 ? shown.substring(0, 20) + "...(" + shown.length() + " chars)" : shown;
    }
}
