package id.gapura.core.agreement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.gapura.core.agreement.Agreement.CoveredModule;
import id.gapura.core.agreement.Agreement.Party;
import org.osgi.framework.VersionRange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON form of an agreement, the content the provider signs:
 * <pre>
 * {
 *   "number": "180/PKS.12-Diskominfo/2026",
 *   "mou": "119/MoU.03-Pem/2025",
 *   "provider": {"name": "Pemerintah Kota Tangerang", "code": "3671"},
 *   "region": {"name": "Pemerintah Kabupaten Karawang", "code": "3215"},
 *   "signedOn": "2026-01-15",
 *   "validFrom": "2026-02-01",
 *   "validUntil": "2028-01-31",
 *   "modules": [
 *     {"id": "complaints", "versions": "[0.1,1)", "config": {"zone": "Asia/Jakarta"}}
 *   ]
 * }
 * </pre>
 * {@code mou} and {@code config} are optional, everything else is required; a field Gapura does not know is
 * refused rather than ignored, since the document is a legal text. Region codes are Kemendagri codes, with or
 * without the dot ({@code 36.71} or {@code 3671}). Versions are OSGi version ranges over the module's bundle
 * version. Configuration values are strings, numbers or booleans.
 */
public final class AgreementFormat {

    public static final int MAX_MODULES = 100;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> FIELDS = Set.of("number", "mou", "provider", "region", "signedOn", "validFrom",
            "validUntil", "modules");
    private static final Set<String> PARTY_FIELDS = Set.of("name", "code");
    private static final Set<String> MODULE_FIELDS = Set.of("id", "versions", "config");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.?\\d{2})?");
    private static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9]{1,30}");
    private static final Pattern CONFIG_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private AgreementFormat() {
    }

    /**
     * Reads and checks an agreement.
     *
     * @throws AgreementRefusedException naming every problem found: not JSON, a missing, unknown or invalid field
     */
    public static Agreement parse(String json) throws AgreementRefusedException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new AgreementRefusedException("Malformed agreement: the signed content is not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + where + ").");
        }
        if (root == null || !root.isObject()) {
            throw new AgreementRefusedException("Malformed agreement: the signed content must be a JSON object.");
        }
        Problems problems = new Problems();
        problems.unknownFields(root, FIELDS, "");
        String number = problems.text(root, "number", 128);
        Optional<String> mou = root.has("mou") ? Optional.ofNullable(problems.text(root, "mou", 128)) : Optional.empty();
        Party provider = problems.party(root, "provider");
        Party region = problems.party(root, "region");
        LocalDate signedOn = problems.date(root, "signedOn");
        LocalDate validFrom = problems.date(root, "validFrom");
        LocalDate validUntil = problems.date(root, "validUntil");
        List<CoveredModule> modules = problems.modules(root);
        if (provider != null && region != null && provider.code().equals(region.code())) {
            problems.add("provider and region are the same region (" + provider.code() + ")");
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add("'validUntil' (" + validUntil + ") is before 'validFrom' (" + validFrom + ")");
        }
        if (signedOn != null && validUntil != null && signedOn.isAfter(validUntil)) {
            problems.add("'signedOn' (" + signedOn + ") is after 'validUntil' (" + validUntil + ")");
        }
        problems.throwIfAny();
        return new Agreement(number, mou, provider, region, signedOn, validFrom, validUntil, modules);
    }

    /** Kemendagri code without the dot: {@code 36.71} and {@code 3671} are both {@code 3671}. */
    public static String normalizeRegionCode(String code) {
        return code.strip().replace(".", "");
    }

    public static boolean isRegionCode(String code) {
        return code != null && REGION_CODE.matcher(code.strip()).matches();
    }

    /** Collects every problem of a document, so that the provider can fix them all at once. */
    private static final class Problems {
        private final List<String> found = new ArrayList<>();

        void add(String problem) {
            found.add(problem);
        }

        void throwIfAny() throws AgreementRefusedException {
            if (!found.isEmpty()) {
                throw new AgreementRefusedException("Malformed agreement: " + String.join("; ", found) + ".");
            }
        }

        void unknownFields(JsonNode node, Set<String> known, String prefix) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    add("unknown field '" + prefix + name + "' (known: " + String.join(", ", sorted(known)) + ")");
                }
            }
        }

        String text(JsonNode parent, String field, int maxLength) {
            return text(parent, field, field, maxLength);
        }

        String text(JsonNode parent, String field, String path, int maxLength) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                add("'" + path + "' is missing");
                return null;
            }
            if (!node.isTextual() || node.asText().isBlank()) {
                add("'" + path + "' must be a non-empty text");
                return null;
            }
            String value = node.asText().strip();
            if (value.length() > maxLength) {
                add("'" + path + "' is longer than " + maxLength + " characters");
                return null;
            }
            if (CONTROL.matcher(value).find()) {
                add("'" + path + "' contains control characters");
                return null;
            }
            return value;
        }

        Party party(JsonNode root, String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                add("'" + field + "' is missing");
                return null;
            }
            if (!node.isObject()) {
                add("'" + field + "' must be an object with 'name' and 'code'");
                return null;
            }
            unknownFields(node, PARTY_FIELDS, field + ".");
            String name = text(node, "name", field + ".name", 200);
            String code = text(node, "code", field + ".code", 32);
            if (code != null && !isRegionCode(code)) {
                add("'" + field + ".code' must be a Kemendagri region code like 3671 or 36.71, not '" + code + "'");
                return null;
            }
            return name == null || code == null ? null : new Party(name, normalizeRegionCode(code));
        }

        LocalDate date(JsonNode root, String field) {
            String text = text(root, field, 10);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                add("'" + field + "' must be a date like 2026-01-31, not '" + text + "'");
                return null;
            }
        }

        List<CoveredModule> modules(JsonNode root) {
            JsonNode node = root.get("modules");
            if (node == null || node.isNull()) {
                add("'modules' is missing");
                return List.of();
            }
            if (!node.isArray() || node.isEmpty()) {
                add("'modules' must be a non-empty list of {\"id\": ..., \"versions\": ...}");
                return List.of();
            }
            if (node.size() > MAX_MODULES) {
                add("'modules' lists more than " + MAX_MODULES + " modules");
                return List.of();
            }
            List<CoveredModule> modules = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String path = "modules[" + i + "]";
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    add("'" + path + "' must be an object with 'id' and 'versions'");
                    continue;
                }
                unknownFields(item, MODULE_FIELDS, path + ".");
                String id = text(item, "id", path + ".id", 31);
                if (id != null && !MODULE_ID.matcher(id).matches()) {
                    add("'" + path + ".id' must be a module id (2-31 lowercase letters or digits), not '" + id + "'");
                    id = null;
                }
                if (id != null && !seen.add(id)) {
                    add("module '" + id + "' is listed twice");
                }
                String versions = text(item, "versions", path + ".versions", 64);
                VersionRange range = null;
                if (versions != null) {
                    try {
                        range = new VersionRange(versions);
                    } catch (IllegalArgumentException e) {
                        add("'" + path + ".versions' must be an OSGi version range like [0.1,1), not '" + versions + "'");
                    }
                }
                Map<String, String> config = config(item.get("config"), path + ".config");
                if (id != null && range != null && config != null) {
                    modules.add(new CoveredModule(id, range, config));
                }
            }
            return modules;
        }

        Map<String, String> config(JsonNode node, String path) {
            Map<String, String> config = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return config;
            }
            if (!node.isObject()) {
                add("'" + path + "' must be an object of settings");
                return null;
            }
            boolean valid = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!CONFIG_KEY.matcher(field.getKey()).matches()) {
                    add("'" + path + "' has an invalid key '" + field.getKey() + "' (letters, digits, . _ -)");
                    valid = false;
                } else if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                    add("'" + path + "." + field.getKey() + "' must be a text, a number or true/false");
                    valid = false;
                } else if (field.getValue().asText().length() > 1000) {
                    add("'" + path + "." + field.getKey() + "' is longer than 1000 characters");
                    valid = false;
                } else {
                    config.put(field.getKey(), field.getValue().asText());
                }
            }
            return valid ? config : null;
        }

        private static List<String> sorted(Set<String> names) {
            return names.stream().sorted().toList();
        }
    }
}
