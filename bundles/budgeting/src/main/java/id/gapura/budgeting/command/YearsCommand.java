package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Budget;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.time.format.DateTimeFormatter;

@Service
@Command(scope = "budgeting", name = "years", description = "Lists the fiscal years with their stage and version")
public class YearsCommand extends BudgetingCommandSupport {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Reference
    private Budget budget;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("Year");
        table.column("Stage");
        table.column("Version");
        table.column("Kind");
        table.column("Locked versions");
        table.column("Changed by");
        table.column("Changed at (WIB)");
        for (Budget.YearView year : budget.years()) {
            table.addRow().addContent(year.year(), year.stage(), year.version(), year.versionKind(),
                    budget.versions(year.year()).size(), year.updatedBy(), MINUTES.format(year.updatedAt()));
        }
        table.print(System.out, !noFormat);
    }
}
