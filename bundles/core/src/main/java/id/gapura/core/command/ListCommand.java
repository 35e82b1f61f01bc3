package id.gapura.core.command;

import id.gapura.api.spi.ModuleStatus;
import id.gapura.core.AgreementService;
import id.gapura.core.agreement.Coverage;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Version;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@Service
@Command(scope = "module", name = "list", description = "Lists the modules of the catalog, whether they are installed, and the agreement covering each")
public class ListCommand extends ModuleCommandSupport {

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Reference
    AgreementService agreements;

    @Override
    protected void run() throws Exception {
        Coverage coverage = agreements.coverage();
        Map<String, Version> installed = modules.installedVersions();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Nama");
        table.column("Name");
        table.column("Version");
        table.column("State");
        table.column("Agreement");
        table.column("Health");
        for (ModuleStatus module : modules.modules()) {
            String id = module.descriptor().id();
            table.addRow().addContent(
                    id,
                    module.descriptor().name(),
                    module.descriptor().nameEn(),
                    module.descriptor().version(),
                    module.state().name().toLowerCase(Locale.ROOT),
                    coverage.describe(id, Optional.ofNullable(installed.get(id))),
                    module.health().map(ModuleCommandSupport::describe).or(() -> module.failure()).orElse(""));
        }
        table.print(System.out, !noFormat);
        for (Map.Entry<String, Version> module : installed.entrySet()) {
            if (!coverage.covers(module.getKey())) {
                System.out.println("Warning: " + module.getKey() + " is installed but not covered: "
                        + coverage.whyNotCovered(module.getKey()) + ". It keeps running; import a (renewed) "
                        + "agreement, or agreement:apply --prune uninstalls it.");
            }
        }
    }
}
