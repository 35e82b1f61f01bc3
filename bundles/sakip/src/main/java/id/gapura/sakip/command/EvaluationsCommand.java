package id.gapura.sakip.command;

import id.gapura.sakip.internal.Evaluations;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "sakip", name = "evaluations", description = "Lists the LKE evaluations: total and grade per agency and year")
public class EvaluationsCommand extends SakipCommandSupport {

    @Reference
    private Evaluations evaluations;

    @Option(name = "--agency", description = "Only this agency")
    @org.apache.karaf.shell.api.action.Completion(AgencyCompleter.class)
    String agency;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("Year");
        table.column("Agency");
        table.column("Total");
        table.column("Grade");
        table.column("Predicate");
        table.column("Evaluator");
        evaluations.history(agency).forEach(summary -> table.addRow().addContent(summary.year(), summary.agencyCode(),
                summary.total().toPlainString(), summary.grade(), summary.predicate(), summary.evaluatedBy()));
        table.print(System.out, !noFormat);
    }
}
