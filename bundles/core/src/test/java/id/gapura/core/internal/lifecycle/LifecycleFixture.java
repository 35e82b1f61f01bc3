package id.gapura.core.internal.lifecycle;

import id.gapura.api.AuditEntry;
import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.api.GapuraModule;
import id.gapura.api.Health;
import id.gapura.api.spi.ModuleDescriptor;
import id.gapura.core.agreement.Agreement;
import id.gapura.core.agreement.Agreement.CoveredModule;
import id.gapura.core.agreement.Agreement.Party;
import id.gapura.core.agreement.Coverage;
import id.gapura.core.agreement.StoredAgreement;
import id.gapura.core.agreement.StoredAgreement.Standing;
import id.gapura.core.internal.DesiredModuleState;
import id.gapura.core.internal.ModuleData;
import id.gapura.core.internal.ModuleExtender;
import id.gapura.core.internal.PlatformDatabase;
import id.gapura.core.internal.RestReadiness;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.internal.model.Bundle;
import org.apache.karaf.features.internal.model.Dependency;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.VersionRange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A module lifecycle over fakes: Karaf's features service ({@link FakeFeaturesService}), a framework whose
 * bundles start when their feature is installed, a whiteboard that serves a module once its bundle started, the
 * desired state and the audit log in memory, and a real H2 database for the schemas and the upgrade's copies.
 */
class LifecycleFixture {

    static final String ACTOR = "karaf";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);

    final FakeFeaturesService features = new FakeFeaturesService();
    final FakeFramework framework = new FakeFramework();
    final FakeRest rest = new FakeRest();
    final FakeDesiredState desired = new FakeDesiredState();
    final FakeAudit audit = new FakeAudit();
    final JdbcDataSource h2 = new JdbcDataSource();
    final PlatformDatabase database;
    final ModuleData data;
    final ModuleLifecycle lifecycle;
    Coverage coverage = new Coverage(List.of());

    private final Path folder;
    private final Map<String, ModuleJar> jars = new HashMap<>();
    /** Bundle symbolic names (with version) whose components fail to activate, with why. */
    private final Map<String, String> activationFailures = new ConcurrentHashMap<>();

    /** What a module version does when its bundle starts, before it serves: its migrations, typically. */
    interface StartAction {
        void run() throws Exception;
    }

    private final Map<String, StartAction> startActions = new ConcurrentHashMap<>();

    private record ModuleJar(String id, String version, Map<String, String> headers, List<URL> migrations) {
    }

    LifecycleFixture(Path folder) {
        this.folder = folder;
        h2.setURL("jdbc:h2:mem:lifecycle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database = new PlatformDatabase(h2, framework.context);
        data = new ModuleData(h2);
        ModuleExtender schemas = new ModuleExtender(database, rest, framework.context) {
            @Override
            public Optional<String> failure(org.osgi.framework.Bundle bundle) {
                return Optional.empty();
            }
        };
        lifecycle = new ModuleLifecycle(features, desired, database, rest, audit, data, null, schemas,
                () -> coverage, framework.context, folder.resolve("deploy"), Duration.ofSeconds(5), CLOCK);
        features.onChange(this::started, this::stopped);
    }

    // ---- the catalog --------------------------------------------------------------------------------------

    /** A module version: feature {@code gapura-<id>} over one bundle with the module's headers. */
    Feature module(String id, String version, Feature... dependencies) {
        return module(id, version, List.of(), dependencies);
    }

    /** A module version whose bundle carries these migration scripts ({@code db/<id>/V*.sql}). */
    Feature module(String id, String version, List<URL> migrations, Feature... dependencies) {
        Map<String, String> headers = new TreeMap<>(Map.of(
                "Bundle-SymbolicName", "id.gapura." + id,
                ModuleDescriptor.VERSION_HEADER, version,
                ModuleDescriptor.ID_HEADER, id,
                ModuleDescriptor.NAME_HEADER, "Modul " + id,
                ModuleDescriptor.NAME_EN_HEADER, "Module " + id));
        String location = jar(id + "-" + version + ".jar", headers);
        jars.put(location, new ModuleJar(id, version, headers, migrations));
        org.apache.karaf.features.internal.model.Feature feature =
                new org.apache.karaf.features.internal.model.Feature("gapura-" + id, version);
        feature.getBundle().add(new Bundle(location));
        for (Feature dependency : dependencies) {
            feature.getFeature().add(new Dependency(dependency.getName(), dependency.getVersion()));
        }
        features.add(feature);
        return feature;
    }

    /** A feature of the platform that modules depend on, with plain bundles. */
    Feature platformFeature(String name, String version, String... bundleLocations) {
        org.apache.karaf.features.internal.model.Feature feature =
                new org.apache.karaf.features.internal.model.Feature(name, version);
        for (String location : bundleLocations) {
            feature.getBundle().add(new Bundle(location));
        }
        features.add(feature);
        return feature;
    }

    void whenStarted(String id, String version, StartAction action) {
        startActions.put(id + "/" + version, action);
    }

    /** The module's components will fail to activate at this version, as after a failed migration. */
    void failsToActivate(String id, String version, String why) {
        activationFailures.put("id.gapura." + id + "/" + version, why);
    }

    private String jar(String name, Map<String, String> headers) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((key, value) -> manifest.getMainAttributes().putValue(key, value));
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file.toUri().toString();
    }

    /** A feature was installed: its bundles start, and a module's serves unless it fails to activate. */
    private void started(Feature feature) {
        for (org.apache.karaf.features.BundleInfo info : feature.getBundles()) {
            ModuleJar jar = jars.get(info.getLocation());
            if (jar == null) {
                framework.install(info.getLocation(), info.getLocation(), "1.0.0", Map.of(), List.of());
                continue;
            }
            String name = "id.gapura." + jar.id();
            framework.install(info.getLocation(), name, jar.version(), jar.headers(), jar.migrations());
            StartAction action = startActions.get(jar.id() + "/" + jar.version());
            if (action != null) {
                try {
                    action.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!activationFailures.containsKey(name + "/" + jar.version())) {
                lifecycle.addModule(new TestModule(jar.id()));
                rest.served.add("/api/" + jar.id());
            }
        }
    }

    private void stopped(Feature feature) {
        for (org.apache.karaf.features.BundleInfo info : feature.getBundles()) {
            framework.uninstall(info.getLocation());
            ModuleJar jar = jars.get(info.getLocation());
            if (jar != null) {
                rest.served.remove("/api/" + jar.id());
                rest.modules.getOrDefault(jar.id(), List.of()).forEach(lifecycle::removeModule);
            }
        }
    }

    private final class TestModule implements GapuraModule {
        private final String id;

        TestModule(String id) {
            this.id = id;
            rest.modules.computeIfAbsent(id, key -> new ArrayList<>()).add(this);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Health health() {
            return Health.up("ok");
        }
    }

    // ---- agreements ---------------------------------------------------------------------------------------

    /** One active agreement covering the module in the range. */
    void covers(String id, String range) {
        Agreement agreement = new Agreement("180/PKS/2026", Optional.empty(), new Party("Kota Tangerang", "3671"),
                new Party("Kabupaten Karawang", "3215"), LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1),
                LocalDate.of(2028, 1, 31), List.of(new CoveredModule(id, new VersionRange(range), Map.of())));
        coverage = new Coverage(List.of(new StoredAgreement(agreement, "3671-k", Standing.ACTIVE, "", "jws",
                Instant.EPOCH, ACTOR)));
    }

    // ---- the database -------------------------------------------------------------------------------------

    void sql(String... statements) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    long count(String table) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- fakes --------------------------------------------------------------------------------------------

    /** A whiteboard that serves the API path of every started module bundle. */
    final class FakeRest extends RestReadiness {
        final Set<String> served = ConcurrentHashMap.newKeySet();
        final Map<String, List<GapuraModule>> modules = new ConcurrentHashMap<>();

        @Override
        public boolean serves(String basePath) {
            return served.contains(basePath);
        }

        @Override
        public List<String> notServing(org.osgi.framework.Bundle bundle) {
            return List.of();
        }

        @Override
        public Optional<String> activationFailure(org.osgi.framework.Bundle bundle) {
            return Optional.ofNullable(activationFailures.get(bundle.getSymbolicName() + "/" + bundle.getVersion()));
        }
    }

    /** The desired state in memory. */
    static final class FakeDesiredState extends DesiredModuleState {
        final Map<String, String> wanted = new TreeMap<>();
        final List<String> records = new ArrayList<>();

        FakeDesiredState() {
            super(null, null);
        }

        @Override
        public void record(String moduleId, boolean installed, String version, String actor) {
            records.add(moduleId + " " + (installed ? "installed" : "uninstalled") + " " + version + " by " + actor);
            if (installed) {
                wanted.put(moduleId, version);
            } else {
                wanted.remove(moduleId);
            }
        }

        @Override
        public Map<String, String> wantedVersions() {
            return new TreeMap<>(wanted);
        }
    }

    /** The audit log in memory: {@code actor action module subject OUTCOME detail} per entry. */
    static final class FakeAudit implements AuditLog {
        final List<String> entries = new ArrayList<>();

        @Override
        public AuditEntry record(String actor, String action, String module, String subject, AuditOutcome outcome,
                                 String detail) {
            entries.add(actor + " " + action + " " + module + " " + subject + " " + outcome + " " + detail);
            return null;
        }

        String last() {
            return entries.get(entries.size() - 1);
        }
    }

    static Set<String> setOf(String... values) {
        return new HashSet<>(List.of(values));
    }
}
