package id.gapura.core.internal;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.api.GapuraModule;
import id.gapura.api.Health;
import id.gapura.api.ModuleCatalog;
import id.gapura.api.ModuleDescriptor;
import id.gapura.api.ModuleState;
import id.gapura.api.ModuleStatus;
import id.gapura.core.ModuleManager;
import id.gapura.core.ModuleOperationException;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.kar.KarService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The module catalog and lifecycle over Karaf's features service. A module is a feature named
 * {@code gapura-<id>} one of whose bundles carries the {@code Gapura-Module-*} manifest headers.
 * <p>
 * Features are installed and uninstalled without Karaf's automatic refresh: module bundles import only
 * platform packages, so nothing already running ever needs rewiring, and a refresh would restart the
 * platform and every other module for nothing.
 */
@Component(service = {ModuleManager.class, ModuleCatalog.class})
public class FeatureModuleManager implements ModuleManager, ModuleCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureModuleManager.class);
    private static final String FEATURE_PREFIX = "gapura-";
    private static final Set<String> PLATFORM_FEATURES = Set.of("gapura-platform");
    private static final EnumSet<FeaturesService.Option> WITHOUT_REFRESH =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    private static final Duration SERVING_TIMEOUT = Duration.ofSeconds(60);
    /** A failed component activation raises no event: look again after this even when nothing woke us. */
    private static final Duration RECHECK = Duration.ofMillis(250);

    private final FeaturesService features;
    private final DesiredModuleState desiredState;
    private final PlatformDatabase database;
    private final RestReadiness rest;
    private final ModuleExtender schemas;
    private final AuditLog audit;
    private final ModuleData data;
    private final KarService kars;
    private final BundleContext context;
    private final Map<String, GapuraModule> serving = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Optional<ModuleDescriptor>> descriptorsByLocation = new ConcurrentHashMap<>();

    @Activate
    public FeatureModuleManager(@Reference FeaturesService features,
                                @Reference DesiredModuleState desiredState,
                                @Reference PlatformDatabase database,
                                @Reference RestReadiness rest,
                                @Reference AuditLog audit,
                                @Reference ModuleData data,
                                @Reference KarService kars,
                                @Reference ModuleExtender schemas,
                                BundleContext context) {
        this.features = features;
        this.desiredState = desiredState;
        this.database = database;
        this.rest = rest;
        this.audit = audit;
        this.data = data;
        this.kars = kars;
        this.schemas = schemas;
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModule(GapuraModule module) {
        serving.put(module.id(), module);
        rest.changed();
    }

    void removeModule(GapuraModule module) {
        serving.remove(module.id(), module);
        rest.changed();
    }

    // ---- catalog ------------------------------------------------------------------------------------------

    /** One module as the features service knows it. */
    private record Entry(ModuleDescriptor descriptor, Feature feature, boolean installed) {
        String id() {
            return descriptor.id();
        }

        String featureId() {
            return feature.getName() + "/" + feature.getVersion();
        }

        Version version() {
            return Version.parseVersion(descriptor.version());
        }

        String label() {
            return descriptor.id() + " " + descriptor.version();
        }
    }

    private Map<String, Entry> catalog() throws ModuleOperationException {
        Map<String, Entry> byId = new TreeMap<>();
        catalogVersions().forEach((id, entries) -> byId.put(id, entries.stream()
                .reduce(FeatureModuleManager::preferred).orElseThrow()));
        return byId;
    }

    /** Every module of the catalog with all its available versions, newest first. */
    private Map<String, List<Entry>> catalogVersions() throws ModuleOperationException {
        Feature[] all;
        try {
            all = features.listFeatures();
        } catch (Exception e) {
            throw new ModuleOperationException("Could not read the features repositories: " + e.getMessage(), e);
        }
        Map<String, List<Entry>> byId = new TreeMap<>();
        for (Feature feature : all) {
            if (!feature.getName().startsWith(FEATURE_PREFIX) || PLATFORM_FEATURES.contains(feature.getName())) {
                continue;
            }
            descriptorOf(feature).ifPresent(descriptor -> byId.computeIfAbsent(descriptor.id(), id -> new ArrayList<>())
                    .add(new Entry(descriptor, feature, features.isInstalled(feature))));
        }
        byId.values().forEach(entries -> entries.sort(Comparator.comparing(Entry::version).reversed()));
        return byId;
    }

    /** The installed version wins; otherwise the newest. */
    private static Entry preferred(Entry a, Entry b) {
        if (a.installed() != b.installed()) {
            return a.installed() ? a : b;
        }
        return a.version().compareTo(b.version()) >= 0 ? a : b;
    }

    @Override
    public Map<String, Version> installedVersions() {
        try {
            Map<String, Version> installed = new TreeMap<>();
            catalogVersions().forEach((id, entries) -> entries.stream().filter(Entry::installed).findFirst()
                    .ifPresent(entry -> installed.put(id, entry.version())));
            return installed;
        } catch (ModuleOperationException e) {
            LOG.warn(e.getMessage(), e);
            return Map.of();
        }
    }

    @Override
    public Map<String, List<Version>> availableVersions() {
        try {
            Map<String, List<Version>> versions = new TreeMap<>();
            catalogVersions().forEach((id, entries) -> versions.put(id, entries.stream().map(Entry::version).toList()));
            return versions;
        } catch (ModuleOperationException e) {
            LOG.warn(e.getMessage(), e);
            return Map.of();
        }
    }

    private Optional<ModuleDescriptor> descriptorOf(Feature feature) {
        for (BundleInfo bundle : feature.getBundles()) {
            if (bundle.isDependency()) {
                continue;
            }
            Bundle installed = context.getBundle(bundle.getLocation());
            Optional<ModuleDescriptor> descriptor = installed != null
                    ? readDescriptor(installed.getHeaders()::get, bundle.getLocation())
                    : descriptorsByLocation.computeIfAbsent(bundle.getLocation(), this::readDescriptorFromArchive);
            if (descriptor.isPresent()) {
                return descriptor;
            }
        }
        return Optional.empty();
    }

    private Optional<ModuleDescriptor> readDescriptorFromArchive(String location) {
        try (InputStream in = new URL(location).openStream(); JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = jar.getManifest();
            return manifest == null ? Optional.empty()
                    : readDescriptor(manifest.getMainAttributes()::getValue, location);
        } catch (IOException e) {
            LOG.warn("Could not read the manifest of {}: {}", location, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ModuleDescriptor> readDescriptor(Function<String, String> headers, String location) {
        try {
            return ModuleDescriptor.fromHeaders(headers);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring {}: {}", location, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public List<ModuleStatus> modules() {
        try {
            return catalog().values().stream().map(this::status).toList();
        } catch (ModuleOperationException e) {
            LOG.warn(e.getMessage(), e);
            return List.of();
        }
    }

    private ModuleStatus status(Entry entry) {
        String failure = failures.get(entry.id());
        if (!entry.installed()) {
            return new ModuleStatus(entry.descriptor(), failure == null ? ModuleState.AVAILABLE : ModuleState.FAILED,
                    Optional.empty(), Optional.ofNullable(failure));
        }
        GapuraModule module = serving.get(entry.id());
        if (module == null) {
            return new ModuleStatus(entry.descriptor(), ModuleState.FAILED, Optional.empty(),
                    Optional.of(Optional.ofNullable(failure).orElse(notServingReason(entry))));
        }
        List<String> notServing = rest.notServing(FrameworkUtil.getBundle(module.getClass()));
        Health health = notServing.isEmpty() ? healthOf(module)
                : Health.down("not serving yet: " + String.join(", ", notServing) + "; see module:rest and scr:list");
        return new ModuleStatus(entry.descriptor(), ModuleState.INSTALLED, Optional.of(health), Optional.empty());
    }

    private static Health healthOf(GapuraModule module) {
        try {
            return module.health();
        } catch (RuntimeException e) {
            return Health.down("health check failed: " + e.getMessage());
        }
    }

    private String notServingReason(Entry entry) {
        for (BundleLine bundle : bundlesOf(entry)) {
            if (!"Active".equals(bundle.state())) {
                return "bundle " + bundle.symbolicName() + " is " + bundle.state() + "; run bundle:diag "
                        + bundle.id();
            }
        }
        return "its components are not active; run scr:list and log:display";
    }

    @Override
    public Health platformHealth() {
        return database.health();
    }

    @Override
    public Optional<ModuleDetails> details(String id) {
        try {
            Entry entry = catalog().get(id);
            if (entry == null) {
                return Optional.empty();
            }
            return Optional.of(new ModuleDetails(status(entry), entry.featureId(), bundlesOf(entry),
                    database.tables(entry.descriptor().tablePrefix())));
        } catch (ModuleOperationException e) {
            LOG.warn(e.getMessage(), e);
            return Optional.empty();
        }
    }

    private List<BundleLine> bundlesOf(Entry entry) {
        List<BundleLine> lines = new ArrayList<>();
        for (BundleInfo info : entry.feature().getBundles()) {
            if (info.isDependency()) {
                continue;
            }
            Bundle bundle = context.getBundle(info.getLocation());
            if (bundle != null) {
                lines.add(new BundleLine(bundle.getBundleId(), bundle.getSymbolicName(),
                        bundle.getVersion().toString(), stateName(bundle.getState())));
            } else {
                lines.add(new BundleLine(-1, info.getLocation(), "", "Not installed"));
            }
        }
        return lines;
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "Active";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.INSTALLED -> "Installed";
            case Bundle.STARTING -> "Starting";
            case Bundle.STOPPING -> "Stopping";
            default -> "Uninstalled";
        };
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------

    /**
     * The catalog entries for the ids: the requested version where one is given, otherwise the installed one,
     * otherwise the newest.
     */
    private List<Entry> select(List<String> ids, Map<String, Version> versions) throws ModuleOperationException {
        if (ids.isEmpty()) {
            throw new ModuleOperationException("No module id given. Run module:list to see the catalog.");
        }
        Map<String, List<Entry>> catalog = catalogVersions();
        List<Entry> selected = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            List<Entry> entries = catalog.get(id);
            if (entries == null) {
                throw new ModuleOperationException("Unknown module '" + id + "'. The catalog has: "
                        + String.join(", ", catalog.keySet()) + ". Nothing was changed.");
            }
            Entry preferred = entries.stream().reduce(FeatureModuleManager::preferred).orElseThrow();
            Version wanted = versions.get(id);
            if (wanted == null || preferred.installed()) {
                selected.add(preferred);
                continue;
            }
            selected.add(entries.stream().filter(entry -> entry.version().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ModuleOperationException("Version " + wanted + " of module '" + id
                            + "' is not in this distribution (available: " + entries.stream().map(Entry::version)
                            .map(Version::toString).collect(Collectors.joining(", ")) + "). Nothing was changed.")));
        }
        return selected;
    }

    @Override
    public InstallPlan plan(List<String> ids) throws ModuleOperationException {
        List<Entry> targets = installable(ids, Map.of());
        Set<String> featureIds = new LinkedHashSet<>();
        Set<String> bundles = new LinkedHashSet<>();
        for (Entry target : targets) {
            collect(target.feature(), featureIds, bundles);
        }
        return new InstallPlan(List.copyOf(featureIds), List.copyOf(bundles));
    }

    private void collect(Feature feature, Set<String> featureIds, Set<String> bundles) {
        if (features.isInstalled(feature) || !featureIds.add(feature.getName() + "/" + feature.getVersion())) {
            return;
        }
        for (BundleInfo bundle : feature.getBundles()) {
            if (context.getBundle(bundle.getLocation()) == null) {
                bundles.add(bundle.getLocation());
            }
        }
        for (Dependency dependency : feature.getDependencies()) {
            try {
                Feature[] matches = features.getFeatures(dependency.getName(), dependency.getVersion());
                if (matches.length > 0) {
                    collect(matches[0], featureIds, bundles);
                }
            } catch (Exception e) {
                LOG.debug("Could not look up feature {}", dependency.getName(), e);
            }
        }
    }

    private List<Entry> installable(List<String> ids, Map<String, Version> versions) throws ModuleOperationException {
        List<Entry> targets = select(ids, versions);
        for (Entry target : targets) {
            if (target.installed()) {
                throw new ModuleOperationException("Module '" + target.id() + "' is already installed (version "
                        + target.descriptor().version() + "). Nothing was changed.");
            }
        }
        return targets;
    }

    @Override
    public synchronized List<Outcome> install(List<String> ids, Map<String, Version> versions, String actor,
                                              String note) throws ModuleOperationException {
        List<Entry> targets;
        try {
            targets = installable(ids, versions);
        } catch (ModuleOperationException e) {
            auditRefusal("module.install", ids, actor, e.getMessage(), note);
            throw e;
        }
        Set<String> featureIds = targets.stream().map(Entry::featureId).collect(Collectors.toCollection(LinkedHashSet::new));
        String names = targets.stream().map(Entry::id).collect(Collectors.joining(", "));
        long started = System.nanoTime();
        try (BundleDisturbanceWatch watch = BundleDisturbanceWatch.start(context)) {
            try {
                features.installFeatures(featureIds, WITHOUT_REFRESH);
            } catch (Exception e) {
                String reason = firstLine(e);
                targets.forEach(target -> failures.put(target.id(), reason));
                undoInstall(featureIds);
                String message = "Could not install " + names + ": " + reason
                        + " Nothing was installed; 'feature:install --simulate --verbose " + String.join(" ", featureIds)
                        + "' shows the full report.";
                targets.forEach(target -> auditEntry("module.install", target, actor, AuditOutcome.FAILED, message, note));
                throw new ModuleOperationException(message, e);
            }
            for (Entry target : targets) {
                Optional<String> notServing = awaitServing(target, started);
                if (notServing.isPresent()) {
                    failures.put(target.id(), notServing.get());
                    undoInstall(featureIds);
                    String message = "Module '" + target.id() + "' did not start serving: " + notServing.get()
                            + ". It was uninstalled again" + (targets.size() > 1 ? ", with " + names : "")
                            + "; see log:display.";
                    targets.forEach(each -> auditEntry("module.install", each, actor, AuditOutcome.FAILED, message, note));
                    throw new ModuleOperationException(message);
                }
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Entry target : targets) {
                failures.remove(target.id());
                desiredState.record(target.id(), true, target.descriptor().version(), actor);
                LOG.info("Module {} {} installed by {}", target.id(), target.descriptor().version(), actor);
                Outcome outcome = new Outcome(target.id(), target.descriptor().version(), elapsedSince(started),
                        watch.disturbedCount());
                auditEntry("module.install", target, actor, AuditOutcome.SUCCEEDED, "serving after "
                        + seconds(outcome.elapsed()) + "; other bundles restarted or refreshed: "
                        + outcome.otherBundlesDisturbed(), note);
                outcomes.add(outcome);
            }
            return outcomes;
        }
    }

    private Optional<String> awaitServing(Entry target, long startedNanos) {
        long deadline = startedNanos + SERVING_TIMEOUT.toNanos();
        String apiPath = target.descriptor().apiPath();
        while (System.nanoTime() < deadline) {
            long seen = rest.changes();
            Optional<String> failed = activationFailure(target);
            if (failed.isPresent()) {
                return failed;
            }
            GapuraModule module = serving.get(target.id());
            if (module != null && rest.serves(apiPath)
                    && rest.notServing(FrameworkUtil.getBundle(module.getClass())).isEmpty()) {
                return Optional.empty();
            }
            try {
                rest.awaitChange(seen, RECHECK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for it");
            }
        }
        return Optional.of(serving.containsKey(target.id())
                ? "its REST API " + apiPath + " was not deployed within " + SERVING_TIMEOUT.toSeconds() + " s"
                : notServingReason(target));
    }

    private Optional<String> activationFailure(Entry target) {
        for (BundleInfo info : target.feature().getBundles()) {
            Bundle bundle = info.isDependency() ? null : context.getBundle(info.getLocation());
            Optional<String> failure = bundle == null ? Optional.empty()
                    : schemas.failure(bundle).or(() -> rest.activationFailure(bundle));
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    private void undoInstall(Collection<String> featureIds) {
        for (String featureId : featureIds) {
            String[] nameAndVersion = featureId.split("/", 2);
            try {
                if (features.isInstalled(features.getFeature(nameAndVersion[0], nameAndVersion[1]))) {
                    features.uninstallFeature(nameAndVersion[0], nameAndVersion[1], WITHOUT_REFRESH);
                }
            } catch (Exception e) {
                LOG.error("Could not undo the installation of {}", featureId, e);
            }
        }
    }

    @Override
    public synchronized List<Outcome> uninstall(List<String> ids, String actor, String note)
            throws ModuleOperationException {
        List<Entry> targets;
        try {
            targets = select(ids, Map.of());
            for (Entry target : targets) {
                if (!target.installed()) {
                    throw new ModuleOperationException("Module '" + target.id() + "' is not installed. Nothing was changed.");
                }
            }
        } catch (ModuleOperationException e) {
            auditRefusal("module.uninstall", ids, actor, e.getMessage(), note);
            throw e;
        }
        long started = System.nanoTime();
        try (BundleDisturbanceWatch watch = BundleDisturbanceWatch.start(context)) {
            try {
                features.uninstallFeatures(targets.stream().map(Entry::featureId)
                        .collect(Collectors.toCollection(LinkedHashSet::new)), WITHOUT_REFRESH);
            } catch (Exception e) {
                String message = "Could not uninstall "
                        + targets.stream().map(Entry::id).collect(Collectors.joining(", ")) + ": " + firstLine(e);
                targets.forEach(target -> auditEntry("module.uninstall", target, actor, AuditOutcome.FAILED, message, note));
                throw new ModuleOperationException(message, e);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Entry target : targets) {
                failures.remove(target.id());
                desiredState.record(target.id(), false, target.descriptor().version(), actor);
                LOG.info("Module {} {} uninstalled by {}; its tables are kept", target.id(),
                        target.descriptor().version(), actor);
                Outcome outcome = new Outcome(target.id(), target.descriptor().version(), elapsedSince(started),
                        watch.disturbedCount());
                auditEntry("module.uninstall", target, actor, AuditOutcome.SUCCEEDED, "done in "
                        + seconds(outcome.elapsed()) + ", its data is kept; other bundles restarted or refreshed: "
                        + outcome.otherBundlesDisturbed(), note);
                outcomes.add(outcome);
            }
            return outcomes;
        }
    }

    // ---- upgrade, export, purge ------------------------------------------------------------------------------

    @Override
    public synchronized UpgradeOutcome upgrade(String id, Optional<Version> version, String actor, String note)
            throws ModuleOperationException {
        Entry current;
        Entry target;
        try {
            List<Entry> entries = versionsOf(id);
            current = entries.stream().filter(Entry::installed).findFirst().orElseThrow(() ->
                    new ModuleOperationException("Module '" + id + "' is not installed; install it with module:install "
                            + id + ". Nothing was changed."));
            target = version.isEmpty() ? entries.get(0) : entries.stream()
                    .filter(entry -> entry.version().equals(version.get())).findFirst()
                    .orElseThrow(() -> new ModuleOperationException("Version " + version.get() + " of module '" + id
                            + "' is not available (available: " + versionList(entries) + "). Nothing was changed."));
            if (target.version().compareTo(current.version()) <= 0) {
                throw new ModuleOperationException(target.version().equals(current.version())
                        ? "Module '" + id + "' is already at version " + current.descriptor().version()
                        + ", the newest available (" + versionList(entries) + "). Nothing was changed."
                        : "Module '" + id + "' is at version " + current.descriptor().version() + "; going back to "
                        + target.descriptor().version() + " is not possible, migrations only go forward."
                        + " Nothing was changed.");
            }
        } catch (ModuleOperationException e) {
            auditRefusal("module.upgrade", List.of(id), actor, e.getMessage(), note);
            throw e;
        }

        String prefix = current.descriptor().tablePrefix();
        String subject = id + " " + current.descriptor().version() + " -> " + target.descriptor().version();
        long started = System.nanoTime();
        Path oldScripts;
        try {
            oldScripts = Files.createTempDirectory("gapura-upgrade-" + id + "-");
            PlatformDatabase.copyMigrations(moduleBundle(current), id, oldScripts);
        } catch (IOException | RuntimeException e) {
            throw failedUpgrade(subject, id, actor, note, "could not keep the migrations of "
                    + current.label() + ": " + firstLine(e) + " Nothing was changed.", e);
        }
        String schemaBefore = database.schemaVersion(id, prefix);
        try (BundleDisturbanceWatch watch = BundleDisturbanceWatch.start(context)) {
            try {
                features.uninstallFeature(current.feature().getName(), current.feature().getVersion(), WITHOUT_REFRESH);
            } catch (Exception e) {
                throw failedUpgrade(subject, id, actor, note, "could not stop " + current.label() + ": "
                        + firstLine(e) + " Nothing was changed.", e);
            }
            ModuleData.Snapshot snapshot;
            try {
                snapshot = data.snapshot(prefix);
            } catch (RuntimeException e) {
                String reinstalled = reinstall(current, started);
                throw failedUpgrade(subject, id, actor, note, firstLine(e) + " The upgrade did not start; "
                        + reinstalled, e);
            }
            Optional<String> failure = installAndAwait(target, started)
                    .map(reason -> database.migrationFailure(id).orElse(reason));
            if (failure.isEmpty()) {
                data.discard(prefix);
                failures.remove(id);
                desiredState.record(id, true, target.descriptor().version(), actor);
                UpgradeOutcome outcome = new UpgradeOutcome(id, current.descriptor().version(),
                        target.descriptor().version(), schemaBefore, database.schemaVersion(id, prefix),
                        elapsedSince(started), snapshot.rows(), data.rowCounts(prefix), watch.disturbedCount());
                LOG.info("Module {} upgraded by {}", subject, actor);
                record(actor, "module.upgrade", id, subject, AuditOutcome.SUCCEEDED, withNote("schema "
                        + outcome.schemaBefore() + " -> " + outcome.schemaAfter() + ", serving after "
                        + seconds(outcome.elapsed()) + ", " + snapshot.totalRows() + " rows kept; other bundles"
                        + " restarted or refreshed: " + outcome.otherBundlesDisturbed(), note));
                return outcome;
            }
            LOG.warn("Upgrade of {} failed: {}; rolling back", subject, failure.get());
            undoInstall(List.of(target.featureId()));
            try {
                data.restore(snapshot, () -> database.migrate(id, prefix, oldScripts, schemaBefore));
            } catch (RuntimeException e) {
                LOG.error("Could not put back the data of {}", id, e);
                throw failedUpgrade(subject, id, actor, note, failure.get() + ". Putting the data back FAILED: "
                        + firstLine(e) + " The module is left uninstalled; its data is in the tables "
                        + ModuleData.ROLLBACK_PREFIX + prefix + "*. Do not install it before the data is restored.", e);
            }
            String reinstalled = reinstall(current, started);
            failures.put(id, "upgrade to " + target.descriptor().version() + " failed: " + failure.get());
            throw failedUpgrade(subject, id, actor, note, failure.get() + ". Rolled back: the data is as before ("
                    + snapshot.totalRows() + " rows in " + snapshot.tables().size() + " tables, schema "
                    + schemaBefore + "); " + reinstalled, null);
        } finally {
            deleteQuietly(oldScripts);
        }
    }

    private Optional<String> installAndAwait(Entry target, long started) {
        try {
            features.installFeature(target.feature().getName(), target.feature().getVersion(), WITHOUT_REFRESH);
        } catch (Exception e) {
            return Optional.of("could not install " + target.label() + ": " + firstLine(e));
        }
        return awaitServing(target, started);
    }

    private String reinstall(Entry previous, long started) {
        Optional<String> failure = installAndAwait(previous, started);
        if (failure.isPresent()) {
            failures.put(previous.id(), failure.get());
            return "reinstalling " + previous.label() + " failed too: " + failure.get() + "; see log:display.";
        }
        return previous.label() + " is serving again.";
    }

    private ModuleOperationException failedUpgrade(String subject, String id, String actor, String note,
                                                   String reason, Throwable cause) {
        String message = "Upgrade of " + subject + " failed: " + reason;
        record(actor, "module.upgrade", id, subject, AuditOutcome.FAILED, withNote(message, note));
        return new ModuleOperationException(message, cause);
    }

    /** Adds the features repositories of a KAR file (copied into the system folder) without installing anything. */
    @Override
    public synchronized void addKar(Path kar) throws ModuleOperationException {
        if (!Files.isRegularFile(kar)) {
            throw new ModuleOperationException("There is no file " + kar + ". Nothing was changed.");
        }
        try {
            kars.install(kar.toUri(), true, true);
        } catch (Exception e) {
            throw new ModuleOperationException("Could not read the KAR file " + kar + ": " + firstLine(e)
                    + " Nothing was changed.", e);
        }
        keepInDeploy(kar);
    }

    /**
     * Keeps a copy of a KAR in {@code deploy/}, so that its versions are there again after {@code bin/karaf clean}
     * (which forgets installed KARs). Karaf's deployer skips a KAR that is installed already.
     */
    private static void keepInDeploy(Path kar) {
        Path deploy = Path.of(System.getProperty("karaf.base", ".")).resolve("deploy").toAbsolutePath();
        Path kept = deploy.resolve(kar.getFileName().toString());
        try {
            if (Files.exists(kept)) {
                return; // delivered there already (replacing it would make the deployer reinstall it)
            }
            Files.createDirectories(deploy);
            Path part = Files.createTempFile(deploy.getParent(), ".gapura-kar-", ".part");
            try {
                Files.copy(kar, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            LOG.warn("Could not keep a copy of {} in {}: after bin/karaf clean, its versions must be delivered again "
                    + "({})", kar, deploy, e.toString());
        }
    }

    private List<Entry> versionsOf(String id) throws ModuleOperationException {
        Map<String, List<Entry>> catalog = catalogVersions();
        List<Entry> entries = catalog.get(id);
        if (entries == null) {
            throw new ModuleOperationException("Unknown module '" + id + "'. The catalog has: "
                    + String.join(", ", catalog.keySet()) + ". Nothing was changed.");
        }
        return entries;
    }

    private static String versionList(List<Entry> entries) {
        return entries.stream().map(entry -> entry.descriptor().version()).collect(Collectors.joining(", "));
    }

    private Bundle moduleBundle(Entry entry) {
        for (BundleInfo info : entry.feature().getBundles()) {
            Bundle bundle = info.isDependency() ? null : context.getBundle(info.getLocation());
            if (bundle != null && bundle.getHeaders().get(ModuleDescriptor.ID_HEADER) != null) {
                return bundle;
            }
        }
        throw new IllegalStateException("the bundle of " + entry.label() + " is not installed");
    }

    @Override
    public Export export(String id, Path file, String actor) throws ModuleOperationException {
        Entry entry = catalogEntry(id, "module.export", actor);
        return export(entry, file, actor, "module.export");
    }

    private Export export(Entry entry, Path file, String actor, String action) throws ModuleOperationException {
        String prefix = entry.descriptor().tablePrefix();
        String schema = database.schemaVersion(entry.id(), prefix);
        if (Files.exists(file)) {
            String message = "The file " + file + " already exists; name a new file. Nothing was written.";
            record(actor, action, entry.id(), entry.label(), AuditOutcome.REFUSED, message);
            throw new ModuleOperationException(message);
        }
        try {
            Map<String, Long> rows = data.export(entry.id(), entry.descriptor().version(), schema, prefix, file);
            Export export = new Export(entry.id(), entry.descriptor().version(), schema, file, rows);
            record(actor, action, entry.id(), entry.label(), AuditOutcome.SUCCEEDED, export.totalRows() + " rows of "
                    + rows.size() + " tables (schema " + schema + ") exported to " + file);
            return export;
        } catch (RuntimeException e) {
            String message = "Could not export " + entry.label() + ": " + firstLine(e);
            record(actor, action, entry.id(), entry.label(), AuditOutcome.FAILED, message);
            throw new ModuleOperationException(message, e);
        }
    }

    @Override
    public synchronized Export purge(String id, Path exportFolder, String actor) throws ModuleOperationException {
        Entry entry = catalogEntry(id, "module.purge", actor);
        if (entry.installed()) {
            String message = "Module '" + id + "' is installed; uninstall it first (module:uninstall " + id
                    + "). Nothing was deleted.";
            record(actor, "module.purge", id, entry.label(), AuditOutcome.REFUSED, message);
            throw new ModuleOperationException(message);
        }
        String stamp = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Export export = export(entry, exportFolder.resolve(id + "-" + stamp + ".zip"), actor, "module.purge-export");
        try {
            data.dropAll(entry.descriptor().tablePrefix());
        } catch (RuntimeException e) {
            String message = "Could not delete the tables of " + id + ": " + firstLine(e) + " The export "
                    + export.file() + " has all its data.";
            record(actor, "module.purge", id, entry.label(), AuditOutcome.FAILED, message);
            throw new ModuleOperationException(message, e);
        }
        desiredState.record(id, false, entry.descriptor().version(), actor);
        failures.remove(id);
        record(actor, "module.purge", id, entry.label(), AuditOutcome.SUCCEEDED, export.totalRows() + " rows of "
                + export.rows().size() + " tables deleted; exported first to " + export.file());
        LOG.info("Module {} purged by {}; its data was exported to {}", id, actor, export.file());
        return export;
    }

    private Entry catalogEntry(String id, String action, String actor) throws ModuleOperationException {
        try {
            return select(List.of(id), Map.of()).get(0);
        } catch (ModuleOperationException e) {
            auditRefusal(action, List.of(id), actor, e.getMessage(), "");
            throw e;
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}", folder, e);
        }
    }

    // ---- audit --------------------------------------------------------------------------------------------

    private void auditEntry(String action, Entry target, String actor, AuditOutcome outcome, String detail,
                            String note) {
        record(actor, action, target.id(), target.label(), outcome, withNote(detail, note));
    }

    /** A refused request names the modules as asked; only a known module id goes into the module column. */
    private void auditRefusal(String action, List<String> ids, String actor, String reason, String note) {
        Set<String> known = availableVersions().keySet();
        for (String id : ids.isEmpty() ? List.of("(none)") : new LinkedHashSet<>(ids)) {
            record(actor, action, known.contains(id) ? id : null, id, AuditOutcome.REFUSED, withNote(reason, note));
        }
    }

    private void record(String actor, String action, String module, String subject, AuditOutcome outcome,
                        String detail) {
        try {
            audit.record(actor, action, module, subject, outcome, detail);
        } catch (RuntimeException e) {
            LOG.error("Could not record in the audit log: {} {} {} by {}: {}", action, subject, outcome, actor, detail, e);
        }
    }

    private static String withNote(String detail, String note) {
        return note == null || note.isBlank() ? detail : detail + " [" + note + "]";
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    @Override
    public synchronized List<Outcome> converge(String actor) throws ModuleOperationException {
        Map<String, List<Entry>> catalog = catalogVersions();
        Map<String, Version> missing = new TreeMap<>();
        desiredState.wantedVersions().forEach((id, recorded) -> {
            List<Entry> entries = catalog.getOrDefault(id, List.of());
            Version wanted = Version.parseVersion(recorded);
            if (entries.stream().anyMatch(Entry::installed)) {
                return;
            }
            Optional<Entry> choice = entries.stream().filter(entry -> entry.version().equals(wanted)).findFirst()
                    .or(() -> entries.stream().filter(entry -> entry.version().compareTo(wanted) > 0).findFirst());
            if (choice.isPresent()) {
                missing.put(id, choice.get().version());
            } else if (entries.isEmpty()) {
                LOG.warn("Module {} is wanted installed but is not in this container's catalog", id);
            } else {
                LOG.warn("Module {} is wanted at version {}, which this container does not have (it has {}): it is "
                        + "installed once that version's KAR is deployed (deploy/ keeps each KAR module:upgrade --file "
                        + "took)", id, recorded, versionList(entries));
            }
        });
        return missing.isEmpty() ? List.of() : install(List.copyOf(missing.keySet()), missing, actor, "");
    }

    private static Duration elapsedSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static String firstLine(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName()).strip();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline).strip();
        return line.endsWith(".") ? line : line + ".";
    }
}
