package id.gapura.core.internal.lifecycle;

import id.gapura.api.GapuraModule;
import id.gapura.api.Health;
import id.gapura.api.spi.ModuleDescriptor;
import id.gapura.api.spi.ModuleState;
import id.gapura.api.spi.ModuleStatus;
import id.gapura.core.ModuleManager.BundleLine;
import id.gapura.core.ModuleManager.ModuleDetails;
import id.gapura.core.ModuleOperationException;
import id.gapura.core.internal.PlatformDatabase;
import id.gapura.core.internal.RestReadiness;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
 * Which features are modules, their descriptors and versions, and each module's status. A module is a feature
 * named {@code gapura-<id>} one of whose bundles carries the {@code Gapura-Module-*} manifest headers.
 */
final class ModuleCatalogService {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleCatalogService.class);
    private static final String FEATURE_PREFIX = "gapura-";
    private static final Set<String> PLATFORM_FEATURES = Set.of("gapura-platform");

    private final FeaturesService features;
    private final BundleContext context;
    private final PlatformDatabase database;
    private final RestReadiness rest;
    private final ServingModules serving;
    private final ModuleFailures failures;
    private final Map<String, Optional<ModuleDescriptor>> descriptorsByLocation = new ConcurrentHashMap<>();

    ModuleCatalogService(FeaturesService features, BundleContext context, PlatformDatabase database,
                         RestReadiness rest, ServingModules serving, ModuleFailures failures) {
        this.features = features;
        this.context = context;
        this.database = database;
        this.rest = rest;
        this.serving = serving;
        this.failures = failures;
    }

    /** Every module of the catalog at its preferred version: the installed one, otherwise the newest. */
    Map<String, CatalogEntry> catalog() throws ModuleOperationException {
        Map<String, CatalogEntry> byId = new TreeMap<>();
        catalogVersions().forEach((id, entries) -> byId.put(id, entries.stream()
                .reduce(CatalogEntry::preferred).orElseThrow()));
        return byId;
    }

    /** Every module of the catalog with all its available versions, newest first. */
    Map<String, List<CatalogEntry>> catalogVersions() throws ModuleOperationException {
        Feature[] all;
        try {
            all = features.listFeatures();
        } catch (Exception e) {
            throw new ModuleOperationException("Could not read the features repositories: " + e.getMessage(), e);
        }
        Map<String, List<CatalogEntry>> byId = new TreeMap<>();
        for (Feature feature : all) {
            if (!feature.getName().startsWith(FEATURE_PREFIX) || PLATFORM_FEATURES.contains(feature.getName())) {
                continue;
            }
            descriptorOf(feature).ifPresent(descriptor -> byId.computeIfAbsent(descriptor.id(), id -> new ArrayList<>())
                    .add(new CatalogEntry(descriptor, feature, features.isInstalled(feature))));
        }
        byId.values().forEach(entries -> entries.sort(Comparator.comparing(CatalogEntry::version).reversed()));
        return byId;
    }

    Map<String, Version> installedVersions() {
        try {
            Map<String, Version> installed = new TreeMap<>();
            catalogVersions().forEach((id, entries) -> entries.stream().filter(CatalogEntry::installed).findFirst()
                    .ifPresent(entry -> installed.put(id, entry.version())));
            return installed;
        } catch (ModuleOperationException e) {
            LOG.warn(e.getMessage(), e);
            return Map.of();
        }
    }

    Map<String, List<Version>> availableVersions() {
        try {
            Map<String, List<Version>> versions = new TreeMap<>();
            catalogVersions().forEach((id, entries) -> versions.put(id, entries.stream().map(CatalogEntry::version).toList()));
            return versions;
        } catch (ModuleOperationException e) {
            LOG.warn(e.getMessage(), e);
            return Map.of();
        }
    }

    /**
     * The catalog entries for the ids: the requested version where one is given, otherwise the installed one,
     * otherwise the newest.
     */
    List<CatalogEntry> select(List<String> ids, Map<String, Version> versions) throws ModuleOperationException {
        if (ids.isEmpty()) {
            throw new ModuleOperationException("No module id given. Run module:list to see the catalog.");
        }
        Map<String, List<CatalogEntry>> catalog = catalogVersions();
        List<CatalogEntry> selected = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            List<CatalogEntry> entries = catalog.get(id);
            if (entries == null) {
                throw unknown(id, catalog);
            }
            CatalogEntry preferred = entries.stream().reduce(CatalogEntry::preferred).orElseThrow();
            Version wanted = versions.get(id);
            if (wanted == null || preferred.installed()) {
                selected.add(preferred);
                continue;
            }
            selected.add(entries.stream().filter(entry -> entry.version().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ModuleOperationException("Version " + wanted + " of module '" + id
                            + "' is not in this distribution (available: " + entries.stream().map(CatalogEntry::version)
                            .map(Version::toString).collect(Collectors.joining(", ")) + "). Nothing was changed.")));
        }
        return selected;
    }

    /** All versions of one module, newest first. */
    List<CatalogEntry> versionsOf(String id) throws ModuleOperationException {
        Map<String, List<CatalogEntry>> catalog = catalogVersions();
        List<CatalogEntry> entries = catalog.get(id);
        if (entries == null) {
            throw unknown(id, catalog);
        }
        return entries;
    }

    private static ModuleOperationException unknown(String id, Map<String, List<CatalogEntry>> catalog) {
        return new ModuleOperationException("Unknown module '" + id + "'. The catalog has: "
                + String.join(", ", catalog.keySet()) + ". Nothing was changed.");
    }

    static String versionList(List<CatalogEntry> entries) {
        return entries.stream().map(entry -> entry.descriptor().version()).collect(Collectors.joining(", "));
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

    // ---- status -------------------------------------------------------------------------------------------

    List<ModuleStatus> modules() {
        try {
            return catalog().values().stream().map(this::status).toList();
        } catch (ModuleOperationException e) {
            LOG.warn(e.getMessage(), e);
            return List.of();
        }
    }

    private ModuleStatus status(CatalogEntry entry) {
        Optional<String> failure = failures.of(entry.id());
        if (!entry.installed()) {
            return new ModuleStatus(entry.descriptor(), failure.isEmpty() ? ModuleState.AVAILABLE : ModuleState.FAILED,
                    Optional.empty(), failure);
        }
        Optional<GapuraModule> module = serving.get(entry.id());
        if (module.isEmpty()) {
            return new ModuleStatus(entry.descriptor(), ModuleState.FAILED, Optional.empty(),
                    Optional.of(failure.orElse(notServingReason(entry))));
        }
        List<String> notServing = rest.notServing(FrameworkUtil.getBundle(module.get().getClass()));
        Health health = notServing.isEmpty() ? healthOf(module.get())
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

    /** Why an installed module does not serve, as far as its bundles tell. */
    String notServingReason(CatalogEntry entry) {
        for (BundleLine bundle : bundlesOf(entry)) {
            if (!"Active".equals(bundle.state())) {
                return "bundle " + bundle.symbolicName() + " is " + bundle.state() + "; run bundle:diag "
                        + bundle.id();
            }
        }
        return "its components are not active; run scr:list and log:display";
    }

    Health platformHealth() {
        return database.health();
    }

    Optional<ModuleDetails> details(String id) {
        try {
            CatalogEntry entry = catalog().get(id);
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

    /** The installed bundles of the module's feature, dependencies left out. */
    List<Bundle> installedBundles(CatalogEntry entry) {
        List<Bundle> installed = new ArrayList<>();
        for (BundleInfo info : entry.feature().getBundles()) {
            Bundle bundle = info.isDependency() ? null : context.getBundle(info.getLocation());
            if (bundle != null) {
                installed.add(bundle);
            }
        }
        return installed;
    }

    /** The bundle with the module's headers. */
    Bundle moduleBundle(CatalogEntry entry) {
        return installedBundles(entry).stream()
                .filter(bundle -> bundle.getHeaders().get(ModuleDescriptor.ID_HEADER) != null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the bundle of " + entry.label() + " is not installed"));
    }

    private List<BundleLine> bundlesOf(CatalogEntry entry) {
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
}
