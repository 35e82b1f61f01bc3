package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Budget;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

@Service
@Command(scope = "budgeting", name = "change", description = "Opens a perubahan or pergeseran of a locked DPA as a new version")
public class ChangeCommand extends BudgetingCommandSupport {

    @Reference
    private Budget budget;

    @Argument(index = 0, name = "year", required = true, description = "The fiscal year")
    @Completion(YearCompleter.class)
    int year;

    @Argument(index = 1, name = "kind", required = true, description = "perubahan or pergeseran")
    @Completion(value = StringsCompleter.class, values = {"perubahan", "pergeseran"})
    String kind;

    @Override
    protected void run() {
        Budget.YearView opened = budget.openChange(year, kind, administrator());
        System.out.println("Version " + opened.version() + " (" + opened.versionKind() + ") of " + opened.year()
                + " is open in stage " + opened.stage() + ".");
    }
}
