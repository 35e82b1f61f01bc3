package id.gapura.budgeting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a Data Package against the Frictionless Data standard: the descriptor against the official JSON Schemas
 * (data-package, tabular-data-resource, table-schema; copies in src/test/resources/frictionless with their source),
 * and each CSV against its resource's Table Schema: the header is the fields in order, each value casts to its
 * field's type, required fields have a value, the primary key is unique. Returns what is wrong, empty when valid.
 */
final class Frictionless {

    private static final JsonSchema DATA_PACKAGE = schema("data-package.json");
    private static final JsonSchema TABULAR_DATA_RESOURCE = schema("tabular-data-resource.json");
    private static final JsonSchema TABLE_SCHEMA = schema("table-schema.json");

    private Frictionless() {
    }

    private static JsonSchema schema(String name) {
        try (InputStream in = Frictionless.class.getResourceAsStream("/frictionless/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /frictionless/" + name);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the standard by the descriptor and the CSV files it names ({@code files}: path → content). */
    static List<String> validate(JsonNode descriptor, Map<String, String> files) {
        List<String> problems = new ArrayList<>();
        messages("datapackage.json", DATA_PACKAGE.validate(descriptor), problems);
        JsonNode resources = descriptor.path("resources");
        for (int i = 0; i < resources.size(); i++) {
            JsonNode resource = resources.get(i);
            String where = "resources[" + i + "] " + resource.path("name").asText();
            messages(where, TABULAR_DATA_RESOURCE.validate(resource), problems);
            messages(where + " schema", TABLE_SCHEMA.validate(resource.path("schema")), problems);
            String path = resource.path("path").asText();
            if (path.startsWith("/") || path.contains("..") || path.contains("://")) {
                problems.add(where + ": path " + path + " is not a relative path inside the package");
            }
            String csv = files.get(path);
            if (csv == null) {
                problems.add(where + ": no file " + path);
                continue;
            }
            table(where + " " + path, resource.path("schema"), csv, problems);
        }
        return problems;
    }

    private static void messages(String where, Set<ValidationMessage> messages, List<String> problems) {
        new TreeSet<>(messages.stream().map(ValidationMessage::getMessage).toList()).forEach(message -> problems.add(where + ": " + message));
    }

    private static void table(String where, JsonNode schema, String csv, List<String> problems) {
        List<JsonNode> fields = new ArrayList<>();
        schema.path("fields").forEach(fields::add);
        List<String> names = fields.stream().map(field -> field.path("name").asText()).toList();
        if (new HashSet<>(names).size() != names.size()) {
            problems.add(where + ": field names are not unique: " + names);
        }
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv))) {
            if (!parser.getHeaderNames().equals(names)) {
                problems.add(where + ": header " + parser.getHeaderNames() + " is not the schema's fields " + names);
                return;
            }
            records = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> key = new ArrayList<>();
        schema.path("primaryKey").forEach(name -> key.add(name.asText()));
        Set<List<String>> keys = new HashSet<>();
        for (CSVRecord record : records) {
            String row = where + " row " + record.getRecordNumber();
            if (record.size() != names.size()) {
                problems.add(row + ": " + record.size() + " values for " + names.size() + " fields");
                continue;
            }
            for (JsonNode field : fields) {
                String name = field.path("name").asText();
                String value = record.get(name);
                if (value.isEmpty()) {
                    if (field.path("constraints").path("required").asBoolean(false)) {
                        problems.add(row + ": " + name + " is required");
                    }
                    continue;
                }
                if (!casts(field, value)) {
                    problems.add(row + ": " + name + " \"" + value + "\" is not a " + field.path("type").asText("string"));
                }
                JsonNode values = field.path("constraints").path("enum");
                if (values.isArray()) {
                    List<String> allowed = new ArrayList<>();
                    values.forEach(allowedValue -> allowed.add(allowedValue.asText()));
                    if (!allowed.contains(value)) {
                        problems.add(row + ": " + name + " \"" + value + "\" is not one of " + allowed);
                    }
                }
            }
            if (!key.isEmpty() && !keys.add(key.stream().map(record::get).toList())) {
                problems.add(row + ": primary key " + key + " repeats");
            }
        }
    }

    /** The Table Schema types this package uses, with their default formats. */
    private static boolean casts(JsonNode field, String value) {
        try {
            switch (field.path("type").asText("string")) {
                case "integer" -> Long.parseLong(value);
                case "number" -> {
                    String group = field.path("groupChar").asText("");
                    String decimal = field.path("decimalChar").asText(".");
                    String plain = group.isEmpty() ? value : value.replace(group, "");
                    new BigDecimal(plain.replace(decimal, "."));
                }
                case "year" -> {
                    return value.matches("-?\\d{4}");
                }
                case "date" -> LocalDate.parse(value);
                case "boolean" -> {
                    return Set.of("true", "True", "TRUE", "1", "false", "False", "FALSE", "0").contains(value);
                }
                case "string", "any" -> {
                    return true;
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
