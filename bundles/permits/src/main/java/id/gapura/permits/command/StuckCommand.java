package id.gapura.permits.command;

import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.Views;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.List;

@Service
@Command(scope = "permits", name = "stuck",
        description = "Lists applications past their service-level deadline or nearing it (fiktif positif risk), most urgent first")
public class StuckCommand extends PermitsCommandSupport {

    @Reference
    private Applications applications;

    @Option(name = "--days", description = "Include applications with at most this many working days left (default: nearingDays in etc/id.gapura.permits.cfg)")
    Integer days;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() throws Exception {
        if (days != null && days < 0) {
            throw failure("--days must be zero or more, was " + days + ".");
        }
        List<Views.Summary> stuck = applications.attention(days);
        ShellTable table = new ShellTable();
        table.column("Registration");
        table.column("Type");
        table.column("Stage");
        table.column("Applicant");
        table.column("Used/SLA");
        table.column("Left");
        table.column("Deadline");
        table.column("Status");
        for (Views.Summary s : stuck) {
            table.addRow().addContent(s.registrationNumber(), s.type(), s.stage(), s.applicantName(),
                    s.clock().daysUsed() + "/" + s.clock().slaDays(), s.clock().daysRemaining(),
                    minutes(s.clock().deadline()), s.clock().overdue() ? "OVERDUE" : "nearing");
        }
        table.print(System.out, !noFormat);
        if (stuck.isEmpty() && !noFormat) {
            System.out.println("No application is past its deadline or nearing it.");
        }
    }
}
