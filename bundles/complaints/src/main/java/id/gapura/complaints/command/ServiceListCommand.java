package id.gapura.complaints.command;

import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.ServiceEntity;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.Locale;

@Service
@Command(scope = "complaints", name = "service-list",
        description = "Lists the service categories, also inactive ones, with agency and deadline track")
public class ServiceListCommand extends AdminCommandSupport {

    @Reference
    private CatalogService catalog;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Group");
        table.column("Agency");
        table.column("Track");
        table.column("Active");
        table.column("Keywords");
        for (ServiceEntity service : catalog.services()) {
            table.addRow().addContent(service.code(), service.name(), service.group(), service.agencyCode(),
                    service.track().name().toLowerCase(Locale.ROOT), yesNo(service.active()),
                    String.join(", ", CatalogService.keywordList(service.keywords())));
        }
        table.print(System.out, !noFormat);
    }
}
