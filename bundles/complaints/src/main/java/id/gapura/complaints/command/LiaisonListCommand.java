package id.gapura.complaints.command;

import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.LiaisonEntity;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.Map;
import java.util.stream.Collectors;

@Service
@Command(scope = "complaints", name = "liaison-list", description = "Lists the liaison officers and their agencies")
public class LiaisonListCommand extends AdminCommandSupport {

    @Reference
    private CatalogService catalog;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        Map<String, AgencyEntity> agencies = catalog.agencies().stream()
                .collect(Collectors.toMap(AgencyEntity::code, agency -> agency));
        ShellTable table = new ShellTable();
        table.column("Username");
        table.column("Agency");
        table.column("Agency name");
        table.column("Agency active");
        for (LiaisonEntity liaison : catalog.liaisons()) {
            AgencyEntity agency = agencies.get(liaison.agencyCode());
            table.addRow().addContent(liaison.username(), liaison.agencyCode(), agency == null ? "" : agency.name(),
                    agency == null ? "" : yesNo(agency.active()));
        }
        table.print(System.out, !noFormat);
    }
}
