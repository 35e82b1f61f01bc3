package id.gapura.core.command;

import id.gapura.core.ModuleManager.Export;
import id.gapura.core.ModuleOperationException;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "module", name = "purge",
        description = "Deletes all data of an uninstalled module, after exporting it to a file in exports/")
public class PurgeCommand extends ModuleCommandSupport {

    static final String EXPORT_FOLDER = "exports";

    @Argument(index = 0, name = "id", description = "Id of the uninstalled module", required = true)
    @Completion(ModuleIdCompleter.class)
    String id;

    @Option(name = "--force", description = "Confirms the deletion (required: this cannot be undone from the console)")
    boolean force;

    @Override
    protected void run() throws Exception {
        if (!force) {
            throw new ModuleOperationException("module:purge deletes every table and row of '" + id
                    + "' (exported first to " + path(EXPORT_FOLDER) + "). Repeat with --force to confirm."
                    + " Nothing was deleted.");
        }
        Export export = modules.purge(id, path(EXPORT_FOLDER), actor());
        System.out.println("Purged " + export.id() + ": " + export.totalRows() + " rows of " + export.rows().size()
                + " tables deleted. Everything was exported first to " + export.file()
                + "; a new install starts with empty tables.");
    }
}
