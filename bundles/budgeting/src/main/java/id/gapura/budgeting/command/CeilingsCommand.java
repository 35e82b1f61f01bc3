package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Budget;
import id.gapura.budgeting.internal.Rupiah;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "budgeting", name = "ceilings", description = "Lists the ceilings (pagu) of a fiscal year with what is used and what remains")
public class CeilingsCommand extends BudgetingCommandSupport {

    @Reference
    private Budget budget;

    @Argument(index = 0, name = "year", required = true, description = "The fiscal year")
    @Completion(YearCompleter.class)
    int year;

    @Option(name = "--agency", description = "Only this agency")
    @Completion(AgencyCompleter.class)
    String agency;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("Agency");
        table.column("Sub kegiatan");
        table.column("Ceiling").alignRight();
        table.column("Used").alignRight();
        table.column("Remaining").alignRight();
        for (Budget.CeilingView ceiling : budget.ceilings(year, agency)) {
            table.addRow().addContent(ceiling.agencyCode(), ceiling.subKegiatanCode() == null ? "(agency)" : ceiling.subKegiatanCode(),
                    Rupiah.format(ceiling.ceiling()), Rupiah.format(ceiling.used()), Rupiah.format(ceiling.remaining()));
        }
        table.print(System.out, !noFormat);
    }
}
