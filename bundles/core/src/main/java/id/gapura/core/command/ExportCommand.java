package id.gapura.core.command;

import id.gapura.core.ModuleManager.Export;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

@Service
@Command(scope = "module", name = "export",
        description = "Writes all of a module's data to a ZIP file: manifest.json and one CSV file per table")
public class ExportCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "id", description = "Id of the module, installed or not", required = true)
    @Completion(ModuleIdCompleter.class)
    String id;

    @Argument(index = 1, name = "file", description = "The ZIP file to write; it must not exist yet", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Override
    protected void run() throws Exception {
        Export export = modules.export(id, path(file), actor());
        System.out.println("Exported " + export.totalRows() + " rows of " + export.rows().size() + " tables of "
                + export.id() + " " + export.version() + " (schema " + export.schemaVersion() + ") to " + export.file());
    }
}
