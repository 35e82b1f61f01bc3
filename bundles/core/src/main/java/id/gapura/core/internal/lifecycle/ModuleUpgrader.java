package id.gapura.core.internal.lifecycle;

import id.gapura.api.AuditOutcome;
import id.gapura.core.ModuleManager.UpgradeOutcome;
import id.gapura.core.ModuleOperationException;
import id.gapura.core.internal.DesiredModuleState;
import id.gapura.core.internal.ModuleData;
import id.gapura.core.internal.PlatformDatabase;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static id.gapura.core.internal.lifecycle.Messages.elapsedSince;
import static id.gapura.core.internal.lifecycle.Messages.firstLine;
import static id.gapura.core.internal.lifecycle.Messages.seconds;
import static id.gapura.core.internal.lifecycle.Messages.withNote;
import static id.gapura.core.internal.lifecycle.ModuleCatalogService.versionList;
import static id.gapura.core.internal.lifecycle.ModuleInstaller.WITHOUT_REFRESH;

/**
 * Upgrades an installed module in place: stops the old version, copies its tables aside, installs the new
 * version, which migrates them; if that version does not resolve, fails to migrate or does not serve, removes
 * it, puts the tables back exactly as they were and installs the old version again.
 */
final class ModuleUpgrader {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleUpgrader.class);

    private final FeaturesService features;
    private final BundleContext context;
    private final ModuleCatalogService catalog;
    private final ModuleInstaller installer;
    private final PlatformDatabase database;
    private final ModuleData data;
    private final DesiredModuleState desiredState;
    private final ModuleFailures failures;
    private final LifecycleAudit audit;

    ModuleUpgrader(FeaturesService features, BundleContext context, ModuleCatalogService catalog,
                   ModuleInstaller installer, PlatformDatabase database, ModuleData data,
                   DesiredModuleState desiredState, ModuleFailures failures, LifecycleAudit audit) {
        this.features = features;
        this.context = context;
        this.catalog = catalog;
        this.installer = installer;
        this.database = database;
        this.data = data;
        this.desiredState = desiredState;
        this.failures = failures;
        this.audit = audit;
    }

    UpgradeOutcome upgrade(String id, Optional<Version> version, String actor, String note)
            throws ModuleOperationException {
        CatalogEntry current;
        CatalogEntry target;
        try {
            List<CatalogEntry> entries = catalog.versionsOf(id);
            current = entries.stream().filter(CatalogEntry::installed).findFirst().orElseThrow(() ->
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
            audit.refusal("module.upgrade", List.of(id), actor, e.getMessage(), note);
            throw e;
        }

        String prefix = current.descriptor().tablePrefix();
        String subject = id + " " + current.descriptor().version() + " -> " + target.descriptor().version();
        long started = System.nanoTime();
        Path oldScripts;
        try {
            oldScripts = Files.createTempDirectory("gapura-upgrade-" + id + "-");
            PlatformDatabase.copyMigrations(catalog.moduleBundle(current), id, oldScripts);
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
                String reinstalled = installer.reinstall(current, started);
                throw failedUpgrade(subject, id, actor, note, firstLine(e) + " The upgrade did not start; "
                        + reinstalled, e);
            }
            Optional<String> failure = installer.installAndAwait(target, started)
                    .map(reason -> database.migrationFailure(id).orElse(reason));
            if (failure.isEmpty()) {
                data.discard(prefix);
                failures.cleared(id);
                desiredState.record(id, true, target.descriptor().version(), actor);
                UpgradeOutcome outcome = new UpgradeOutcome(id, current.descriptor().version(),
                        target.descriptor().version(), schemaBefore, database.schemaVersion(id, prefix),
                        elapsedSince(started), snapshot.rows(), data.rowCounts(prefix), watch.disturbedCount());
                LOG.info("Module {} upgraded by {}", subject, actor);
                audit.record(actor, "module.upgrade", id, subject, AuditOutcome.SUCCEEDED, withNote("schema "
                        + outcome.schemaBefore() + " -> " + outcome.schemaAfter() + ", serving after "
                        + seconds(outcome.elapsed()) + ", " + snapshot.totalRows() + " rows kept; other bundles"
                        + " restarted or refreshed: " + outcome.otherBundlesDisturbed(), note));
                return outcome;
            }
            LOG.warn("Upgrade of {} failed: {}; rolling back", subject, failure.get());
            installer.undoInstall(List.of(target.featureId()));
            try {
                data.restore(snapshot, () -> database.migrate(id, prefix, oldScripts, schemaBefore));
            } catch (RuntimeException e) {
                LOG.error("Could not put back the data of {}", id, e);
                throw failedUpgrade(subject, id, actor, note, failure.get() + ". Putting the data back FAILED: "
                        + firstLine(e) + " The module is left uninstalled; its data is in the tables "
                        + ModuleData.ROLLBACK_PREFIX + prefix + "*. Do not install it before the data is restored.", e);
            }
            String reinstalled = installer.reinstall(current, started);
            failures.failed(id, "upgrade to " + target.descriptor().version() + " failed: " + failure.get());
            throw failedUpgrade(subject, id, actor, note, failure.get() + ". Rolled back: the data is as before ("
                    + snapshot.totalRows() + " rows in " + snapshot.tables().size() + " tables, schema "
                    + schemaBefore + "); " + reinstalled, null);
        } finally {
            deleteQuietly(oldScripts);
        }
    }

    private ModuleOperationException failedUpgrade(String subject, String id, String actor, String note,
                                                   String reason, Throwable cause) {
        String message = "Upgrade of " + subject + " failed: " + reason;
        audit.record(actor, "module.upgrade", id, subject, AuditOutcome.FAILED, withNote(message, note));
        return new ModuleOperationException(message, cause);
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}", folder, e);
        }
    }
}
