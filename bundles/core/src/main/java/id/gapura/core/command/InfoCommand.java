package id.gapura.core.command;

import id.gapura.api.spi.ModuleDescriptor;
import id.gapura.core.ModuleManager.BundleLine;
import id.gapura.core.ModuleManager.ModuleDetails;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.Locale;
import java.util.stream.Collectors;

@Service
@Command(scope = "module", name = "info", description = "Shows what a module is, what it runs on and the tables it owns")
public class InfoCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "id", description = "Module id", required = true)
    @Completion(ModuleIdCompleter.class)
    String id;

    @Override
    protected void run() throws Exception {
        ModuleDetails details = modules.details(id).orElseThrow(() -> failure(
                "Unknown module '" + id + "'. Run module:list to see the catalog."));
        ModuleDescriptor module = details.status().descriptor();
        ShellTable table = new ShellTable().noHeaders();
        table.column("Key");
        table.column("Value");
        table.addRow().addContent("Id", module.id());
        table.addRow().addContent("Name", module.name() + " (" + module.nameEn() + ")");
        table.addRow().addContent("Description", module.description());
        table.addRow().addContent("Version", module.version());
        table.addRow().addContent("State", details.status().state().name().toLowerCase(Locale.ROOT));
        table.addRow().addContent("Health", details.status().health()
                .map(ModuleCommandSupport::describe)
                .or(() -> details.status().failure()).orElse("-"));
        table.addRow().addContent("REST API", module.apiPath() + "/");
        table.addRow().addContent("Feature", details.feature());
        table.addRow().addContent("Bundles", details.bundles().stream().map(InfoCommand::bundle)
                .collect(Collectors.joining(", ")));
        table.addRow().addContent("Tables", details.tables().isEmpty()
                ? "none yet (prefix " + module.tablePrefix() + ")"
                : String.join(", ", details.tables()));
        table.print(System.out);
    }

    private static String bundle(BundleLine bundle) {
        return bundle.id() < 0 ? bundle.symbolicName() + " [not installed]"
                : bundle.symbolicName() + " " + bundle.version() + " [" + bundle.id() + ", " + bundle.state() + "]";
    }
}
