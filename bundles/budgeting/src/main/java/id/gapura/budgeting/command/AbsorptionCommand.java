package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Reports;
import id.gapura.budgeting.internal.Rupiah;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "budgeting", name = "absorption", description = "Shows realisation against the DPA in force (absorption) by programme or agency")
public class AbsorptionCommand extends BudgetingCommandSupport {

    @Reference
    private Reports reports;

    @Argument(index = 0, name = "year", required = true, description = "The fiscal year")
    @Completion(YearCompleter.class)
    int year;

    @Option(name = "--by", description = "programme (default) or agency")
    @Completion(value = StringsCompleter.class, values = {"programme", "agency"})
    String by = "programme";

    @Option(name = "--agency", description = "Only this agency")
    @Completion(AgencyCompleter.class)
    String agency;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        Reports.Absorption absorption = reports.absorption(year, by, agency);
        ShellTable table = new ShellTable();
        table.column("Agency");
        table.column("Code");
        table.column("Name");
        table.column("Budget").alignRight();
        table.column("Realisation").alignRight();
        table.column("Absorption").alignRight();
        for (Reports.AbsorptionRow row : absorption.rows()) {
            table.addRow().addContent(row.agencyCode(), row.code(), row.name(), Rupiah.format(row.budget()),
                    Rupiah.format(row.realisation()), percent(row));
        }
        table.print(System.out, !noFormat);
        System.out.println("DPA version " + absorption.version() + ": budget " + Rupiah.format(absorption.budget()) + ", realised "
                + Rupiah.format(absorption.realisation()) + (absorption.absorption() == null ? "" : " ("
                + absorption.absorption().toPlainString() + "%)") + ".");
    }

    private static String percent(Reports.AbsorptionRow row) {
        return row.absorption() == null ? "-" : row.absorption().toPlainString() + "%";
    }
}
