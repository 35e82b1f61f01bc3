package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Budget;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "budgeting", name = "year-open", description = "Opens a fiscal year in stage ceilings")
public class YearOpenCommand extends BudgetingCommandSupport {

    @Reference
    private Budget budget;

    @Argument(index = 0, name = "year", required = true, description = "The fiscal year, e.g. 2027")
    int year;

    @Override
    protected void run() {
        Budget.YearView opened = budget.openYear(year, administrator());
        System.out.println("Fiscal year " + opened.year() + " is open in stage " + opened.stage() + "; TAPD sets the ceilings next.");
    }
}
