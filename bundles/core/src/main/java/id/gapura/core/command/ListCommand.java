package id.gapura.core.command;

import id.gapura.api.ModuleStatus;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.Locale;

@Service
@Command(scope = "module", name = "list", description = "Lists the modules of the catalog and whether they are installed")
public class ListCommand extends ModuleCommandSupport {

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Nama");
        table.column("Name");
        table.column("Version");
        table.column("State");
        table.column("Agreement");
        table.column("Health");
        for (ModuleStatus module : modules.modules()) {
            table.addRow().addContent(
                    module.descriptor().id(),
                    module.descriptor().name(),
                    module.descriptor().nameEn(),
                    module.descriptor().version(),
                    module.state().name().toLowerCase(Locale.ROOT),
                    "not checked",
                    module.health().map(ModuleCommandSupport::describe).or(() -> module.failure()).orElse(""));
        }
        table.print(System.out, !noFormat);
    }
}
