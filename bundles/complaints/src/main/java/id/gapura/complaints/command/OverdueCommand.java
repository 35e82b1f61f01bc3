package id.gapura.complaints.command;

import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.StatsService;
import id.gapura.complaints.internal.StatsService.OverdueReport;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

@Service
@Command(scope = "complaints", name = "overdue",
        description = "Lists the reports past the deadline they are working against, the longest overdue first")
public class OverdueCommand extends AdminCommandSupport {

    static final int MAX_ROWS = 1000;

    @Reference
    private StatsService stats;

    @Reference
    private CatalogService catalog;

    @Option(name = "--agency", description = "Only this agency's reports")
    @Completion(AgencyCodeCompleter.class)
    String agency;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() throws Exception {
        if (agency != null && catalog.agency(agency).isEmpty()) {
            throw failure("Unknown agency '" + agency + "'; complaints:agency-list shows the codes.");
        }
        ZoneId zone = stats.zone();
        List<OverdueReport> overdue = stats.overdue(agency, 0, MAX_ROWS);
        if (overdue.isEmpty()) {
            System.out.println("No overdue reports" + (agency == null ? "" : " for agency " + agency) + ".");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Tracking number");
        table.column("Category");
        table.column("Agency");
        table.column("Status");
        table.column("Deadline");
        table.column("Missed");
        table.column("Days overdue");
        for (OverdueReport report : overdue) {
            table.addRow().addContent(report.trackingNumber(), report.serviceCode(),
                    report.agencyCode() == null ? "" : report.agencyCode(),
                    report.status().name().toLowerCase(Locale.ROOT), time(report.deadline(), zone),
                    report.stage().replace('_', ' '), report.daysOverdue());
        }
        table.print(System.out, !noFormat);
        long total = overdue.size() < MAX_ROWS ? overdue.size() : stats.overdueCount(agency);
        System.out.println(total + " overdue report" + (total == 1 ? "" : "s")
                + (total > overdue.size() ? ", the first " + overdue.size() + " shown; "
                + "GET /api/complaints/overdue.csv exports them all" : "") + ".");
    }
}
