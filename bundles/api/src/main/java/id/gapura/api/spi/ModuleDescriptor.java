package id.gapura.api.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a module is, read from its bundle manifest so that the platform knows it before it is installed.
 * A module bundle carries these headers (set in its {@code bnd.bnd}):
 * <pre>
 * Gapura-Module-Id: complaints
 * Gapura-Module-Name: Pengaduan Masyarakat
 * Gapura-Module-Name-En: Citizen complaints
 * Gapura-Module-Description: ...
 * Gapura-Module-Api: /api/complaints
 * Gapura-Module-Tables: complaints_
 * Gapura-Module-Roles: complaints-coordinator, complaints-liaison, complaints-viewer
 * </pre>
 *
 * @param id          short lowercase id; the Karaf feature is {@code gapura-<id>}
 * @param name        display name in Indonesian
 * @param nameEn      display name in English
 * @param description one or two sentences for administrators
 * @param version     the bundle version
 * @param apiPath     base path of the module's REST API
 * @param tablePrefix every table the module owns starts with this prefix
 * @param roles       the roles the module's resources ask for, so that an administrator can grant them
 */
public record ModuleDescriptor(String id, String name, String nameEn, String description, String version,
                               String apiPath, String tablePrefix, List<String> roles) {

    public static final String ID_HEADER = "Gapura-Module-Id";
    public static final String NAME_HEADER = "Gapura-Module-Name";
    public static final String NAME_EN_HEADER = "Gapura-Module-Name-En";
    public static final String DESCRIPTION_HEADER = "Gapura-Module-Description";
    public static final String API_HEADER = "Gapura-Module-Api";
    public static final String TABLES_HEADER = "Gapura-Module-Tables";
    public static final String ROLES_HEADER = "Gapura-Module-Roles";
    public static final String VERSION_HEADER = "Bundle-Version";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{1,30}");

    public ModuleDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Module id '" + id + "' must be 2-31 lowercase letters or digits");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(apiPath, "apiPath");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        roles = List.copyOf(roles);
    }

    /** The Karaf feature that installs this module. */
    public String featureName() {
        return "gapura-" + id;
    }

    /**
     * Reads a descriptor from manifest headers; empty when the bundle is not a module (no id header).
     *
     * @throws IllegalArgumentException when the id header is there but the rest is incomplete or invalid
     */
    public static Optional<ModuleDescriptor> fromHeaders(Function<String, String> headers) {
        String id = headers.apply(ID_HEADER);
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        id = id.trim();
        return Optional.of(new ModuleDescriptor(
                id,
                required(headers, NAME_HEADER, id),
                required(headers, NAME_EN_HEADER, id),
                Optional.ofNullable(headers.apply(DESCRIPTION_HEADER)).map(String::trim).orElse(""),
                required(headers, VERSION_HEADER, id),
                Optional.ofNullable(headers.apply(API_HEADER)).map(String::trim).orElse("/api/" + id),
                Optional.ofNullable(headers.apply(TABLES_HEADER)).map(String::trim).orElse(id + "_"),
                Optional.ofNullable(headers.apply(ROLES_HEADER)).stream()
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .map(String::trim).filter(role -> !role.isEmpty()).toList()));
    }

    private static String required(Function<String, String> headers, String name, String id) {
        String value = headers.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Module '" + id + "' has no " + name + " header in its manifest");
        }
        return value.trim();
    }
}
