package id.gapura.sakip.command;

import id.gapura.sakip.internal.Achievement;
import id.gapura.sakip.internal.Lkjip;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "sakip", name = "lkjip", description = "Shows an agency's LKjIP of a year in short: achievement and budget per objective")
public class LkjipCommand extends SakipCommandSupport {

    @Reference
    private Lkjip lkjip;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Argument(index = 0, name = "agency", required = true, description = "The agency code")
    @Completion(AgencyCompleter.class)
    String agency;

    @Argument(index = 1, name = "year", required = true, description = "The year")
    int year;

    @Override
    protected void run() {
        Lkjip.Report report = lkjip.report(agency, year);
        ShellTable table = new ShellTable();
        table.column("Objective");
        table.column("Indicators");
        table.column("Achievement");
        table.column("Budget allocated");
        table.column("Spent");
        for (Lkjip.ObjectiveReport objective : report.objectives()) {
            table.addRow().addContent(objective.code(), objective.indicators().size(), text(objective.achievement()),
                    objective.budget().available() ? plain(objective.budget().allocated()) : "not available",
                    objective.budget().available() ? plain(objective.budget().spent()) : "not available");
        }
        table.print(System.out, !noFormat);
        System.out.println("Agency achievement " + text(report.achievement()) + "; budget "
                + (report.budget().available() ? plain(report.budget().allocated()) : Lkjip.BUDGETING_ABSENT));
    }

    private static String text(Achievement achievement) {
        return achievement.computable() ? achievement.percent().toPlainString() + "%" : achievement.note();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "not available" : value.toPlainString();
    }
}
