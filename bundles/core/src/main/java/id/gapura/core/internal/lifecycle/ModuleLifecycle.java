package id.gapura.core.internal.lifecycle;

import id.gapura.api.AuditLog;
import id.gapura.api.GapuraModule;
import id.gapura.api.Health;
import id.gapura.api.spi.ModuleCatalog;
import id.gapura.api.spi.ModuleStatus;
import id.gapura.core.ModuleManager;
import id.gapura.core.ModuleOperationException;
import id.gapura.core.agreement.Coverage;
import id.gapura.core.internal.AgreementStore;
import id.gapura.core.internal.DesiredModuleState;
import id.gapura.core.internal.ModuleData;
import id.gapura.core.internal.ModuleExtender;
import id.gapura.core.internal.PlatformDatabase;
import id.gapura.core.internal.RestReadiness;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.kar.KarService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import static id.gapura.core.internal.lifecycle.ModuleCatalogService.versionList;

/**
 * The module lifecycle over Karaf's features service: the catalog, install, uninstall and upgrade, KAR delivery,
 * export and purge, and converging on the desired state. One operation at a time changes the container.
 */
@Component(service = {ModuleManager.class, ModuleCatalog.class})
public class ModuleLifecycle implements ModuleManager, ModuleCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleLifecycle.class);

    private final ServingModules serving = new ServingModules();
    private final RestReadiness rest;
    private final DesiredModuleState desiredState;
    private final ModuleCatalogService catalog;
    private final CoveragePolicy policy;
    private final ModuleInstaller installer;
    private final ModuleUpgrader upgrader;
    private final KarDelivery kars;
    private final ModuleExports exports;

    @Activate
    public ModuleLifecycle(@Reference FeaturesService features,
                           @Reference DesiredModuleState desiredState,
                           @Reference PlatformDatabase database,
                           @Reference RestReadiness rest,
                           @Reference AuditLog audit,
                           @Reference ModuleData data,
                           @Reference KarService kars,
                           @Reference ModuleExtender schemas,
                           @Reference AgreementStore agreements,
                           BundleContext context) {
        this(features, desiredState, database, rest, audit, data, kars, schemas, agreements::coverage, context,
                Path.of(System.getProperty("karaf.base", ".")).resolve("deploy").toAbsolutePath(),
                ModuleInstaller.SERVING_TIMEOUT, Clock.systemUTC());
    }

    /** For tests: what the agreements cover, where KARs are kept, how long a module may take to serve, the clock. */
    ModuleLifecycle(FeaturesService features, DesiredModuleState desiredState, PlatformDatabase database,
                    RestReadiness rest, AuditLog audit, ModuleData data, KarService kars, ModuleExtender schemas,
                    Supplier<Coverage> coverage, BundleContext context, Path deploy, Duration servingTimeout,
                    Clock clock) {
        this.rest = rest;
        this.desiredState = desiredState;
        ModuleFailures failures = new ModuleFailures();
        this.catalog = new ModuleCatalogService(features, context, database, rest, serving, failures);
        LifecycleAudit lifecycleAudit = new LifecycleAudit(audit, () -> catalog.availableVersions().keySet());
        this.policy = new CoveragePolicy(coverage, catalog, lifecycleAudit);
        this.installer = new ModuleInstaller(features, context, catalog, rest, schemas, serving, failures,
                desiredState, lifecycleAudit, servingTimeout);
        this.upgrader = new ModuleUpgrader(features, context, catalog, installer, database, data, desiredState,
                failures, lifecycleAudit);
        this.kars = new KarDelivery(kars, deploy);
        this.exports = new ModuleExports(catalog, database, data, desiredState, failures, lifecycleAudit, clock);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModule(GapuraModule module) {
        serving.add(module);
        rest.changed();
    }

    void removeModule(GapuraModule module) {
        serving.remove(module);
        rest.changed();
    }

    // ---- catalog ------------------------------------------------------------------------------------------

    @Override
    public List<ModuleStatus> modules() {
        return catalog.modules();
    }

    @Override
    public Health platformHealth() {
        return catalog.platformHealth();
    }

    @Override
    public Optional<ModuleDetails> details(String id) {
        return catalog.details(id);
    }

    @Override
    public Map<String, List<Version>> availableVersions() {
        return catalog.availableVersions();
    }

    @Override
    public Map<String, Version> installedVersions() {
        return catalog.installedVersions();
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------

    @Override
    public InstallPlan plan(List<String> ids) throws ModuleOperationException {
        CoveragePolicy.Admission admission = policy.decideInstall(ids, Map.of());
        return installer.plan(ids, admission.versions(), List.copyOf(admission.refusals().values()));
    }

    @Override
    public synchronized List<Outcome> install(List<String> ids, Map<String, Version> versions, Uncovered uncovered,
                                              String actor, String note) throws ModuleOperationException {
        CoveragePolicy.Admission admission = policy.admitInstall(ids, versions, uncovered, actor, note);
        return installer.install(ids, admission.versions(), actor, note, admission.notes(), admission.refusals(),
                uncovered != Uncovered.RESTORE);
    }

    @Override
    public synchronized List<Outcome> uninstall(List<String> ids, String actor, String note)
            throws ModuleOperationException {
        return installer.uninstall(ids, actor, note);
    }

    @Override
    public synchronized UpgradeOutcome upgrade(String id, Optional<Version> version, Uncovered uncovered,
                                               String actor, String note) throws ModuleOperationException {
        CoveragePolicy.UpgradeAdmission admission = policy.admitUpgrade(id, version, uncovered, actor, note);
        return upgrader.upgrade(id, admission.version(), actor, admission.note());
    }

    @Override
    public synchronized void addKar(Path kar) throws ModuleOperationException {
        kars.add(kar);
    }

    @Override
    public Export export(String id, Path file, String actor) throws ModuleOperationException {
        return exports.export(id, file, actor);
    }

    @Override
    public synchronized Export purge(String id, Path exportFolder, String actor) throws ModuleOperationException {
        return exports.purge(id, exportFolder, actor);
    }

    @Override
    public synchronized List<Outcome> converge(String actor) throws ModuleOperationException {
        Map<String, List<CatalogEntry>> versions = catalog.catalogVersions();
        Map<String, Version> missing = new TreeMap<>();
        desiredState.wantedVersions().forEach((id, recorded) -> {
            List<CatalogEntry> entries = versions.getOrDefault(id, List.of());
            Version wanted = Version.parseVersion(recorded);
            if (entries.stream().anyMatch(CatalogEntry::installed)) {
                return;
            }
            Optional<CatalogEntry> choice = entries.stream().filter(entry -> entry.version().equals(wanted)).findFirst()
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
        return missing.isEmpty() ? List.of()
                : install(List.copyOf(missing.keySet()), missing, Uncovered.RESTORE, actor, "");
    }
}
