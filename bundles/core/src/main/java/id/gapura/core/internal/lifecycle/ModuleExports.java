package id.gapura.core.internal.lifecycle;

import id.gapura.api.AuditOutcome;
import id.gapura.core.ModuleManager.Export;
import id.gapura.core.ModuleOperationException;
import id.gapura.core.internal.DesiredModuleState;
import id.gapura.core.internal.ModuleData;
import id.gapura.core.internal.PlatformDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static id.gapura.core.internal.lifecycle.Messages.firstLine;

/** A module's data written to a file, and the purge of an uninstalled module's tables after such an export. */
final class ModuleExports {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleExports.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ModuleCatalogService catalog;
    private final PlatformDatabase database;
    private final ModuleData data;
    private final DesiredModuleState desiredState;
    private final ModuleFailures failures;
    private final LifecycleAudit audit;
    private final Clock clock;

    ModuleExports(ModuleCatalogService catalog, PlatformDatabase database, ModuleData data,
                  DesiredModuleState desiredState, ModuleFailures failures, LifecycleAudit audit, Clock clock) {
        this.catalog = catalog;
        this.database = database;
        this.data = data;
        this.desiredState = desiredState;
        this.failures = failures;
        this.audit = audit;
        this.clock = clock;
    }

    Export export(String id, Path file, String actor) throws ModuleOperationException {
        return export(catalogEntry(id, "module.export", actor), file, actor, "module.export");
    }

    private Export export(CatalogEntry entry, Path file, String actor, String action) throws ModuleOperationException {
        String prefix = entry.descriptor().tablePrefix();
        String schema = database.schemaVersion(entry.id(), prefix);
        if (Files.exists(file)) {
            String message = "The file " + file + " already exists; name a new file. Nothing was written.";
            audit.record(actor, action, entry.id(), entry.label(), AuditOutcome.REFUSED, message);
            throw new ModuleOperationException(message);
        }
        try {
            Map<String, Long> rows = data.export(entry.id(), entry.descriptor().version(), schema, prefix, file);
            Export export = new Export(entry.id(), entry.descriptor().version(), schema, file, rows);
            audit.record(actor, action, entry.id(), entry.label(), AuditOutcome.SUCCEEDED, export.totalRows() + " rows of "
                    + rows.size() + " tables (schema " + schema + ") exported to " + file);
            return export;
        } catch (RuntimeException e) {
            String message = "Could not export " + entry.label() + ": " + firstLine(e);
            audit.record(actor, action, entry.id(), entry.label(), AuditOutcome.FAILED, message);
            throw new ModuleOperationException(message, e);
        }
    }

    Export purge(String id, Path exportFolder, String actor) throws ModuleOperationException {
        CatalogEntry entry = catalogEntry(id, "module.purge", actor);
        if (entry.installed()) {
            String message = "Module '" + id + "' is installed; uninstall it first (module:uninstall " + id
                    + "). Nothing was deleted.";
            audit.record(actor, "module.purge", id, entry.label(), AuditOutcome.REFUSED, message);
            throw new ModuleOperationException(message);
        }
        String stamp = STAMP.format(clock.instant());
        Export export = export(entry, exportFolder.resolve(id + "-" + stamp + ".zip"), actor, "module.purge-export");
        try {
            data.dropAll(entry.descriptor().tablePrefix());
        } catch (RuntimeException e) {
            String message = "Could not delete the tables of " + id + ": " + firstLine(e) + " The export "
                    + export.file() + " has all its data.";
            audit.record(actor, "module.purge", id, entry.label(), AuditOutcome.FAILED, message);
            throw new ModuleOperationException(message, e);
        }
        desiredState.record(id, false, entry.descriptor().version(), actor);
        failures.cleared(id);
        audit.record(actor, "module.purge", id, entry.label(), AuditOutcome.SUCCEEDED, export.totalRows() + " rows of "
                + export.rows().size() + " tables deleted; exported first to " + export.file());
        LOG.info("Module {} purged by {}; its data was exported to {}", id, actor, export.file());
        return export;
    }

    private CatalogEntry catalogEntry(String id, String action, String actor) throws ModuleOperationException {
        try {
            return catalog.select(List.of(id), Map.of()).get(0);
        } catch (ModuleOperationException e) {
            audit.refusal(action, List.of(id), actor, e.getMessage(), "");
            throw e;
        }
    }
}
