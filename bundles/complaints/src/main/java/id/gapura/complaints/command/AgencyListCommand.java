package id.gapura.complaints.command;

import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.CatalogService.AgencyUsage;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.Map;

@Service
@Command(scope = "complaints", name = "agency-list",
        description = "Lists the agencies (OPD) reports are dispositioned to, with what still uses them")
public class AgencyListCommand extends AdminCommandSupport {

    @Reference
    private CatalogService catalog;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        Map<String, AgencyUsage> usage = catalog.agencyUsage();
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Active");
        table.column("Active categories");
        table.column("Liaisons");
        table.column("Open dispositions");
        for (AgencyEntity agency : catalog.agencies()) {
            AgencyUsage used = usage.getOrDefault(agency.code(), AgencyUsage.NONE);
            table.addRow().addContent(agency.code(), agency.name(), yesNo(agency.active()), used.activeServices(),
                    used.liaisons(), used.openDispositions());
        }
        table.print(System.out, !noFormat);
    }
}
