package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Budget;
import id.gapura.budgeting.internal.Stage;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "budgeting", name = "stage",
        description = "Opens the next stage of a fiscal year: drafting, verification, validation, or dpa (locks the version)")
public class StageCommand extends BudgetingCommandSupport {

    @Reference
    private Budget budget;

    @Argument(index = 0, name = "year", required = true, description = "The fiscal year")
    @Completion(YearCompleter.class)
    int year;

    @Argument(index = 1, name = "stage", required = true, description = "drafting, verification, validation or dpa")
    @Completion(StageCompleter.class)
    String stage;

    @Override
    protected void run() throws Exception {
        Stage target = Stage.of(stage).orElseThrow(() -> failure(
                "Unknown stage '" + stage + "': use drafting, verification, validation or dpa. Nothing was changed."));
        Budget.YearView moved = budget.advance(year, target, administrator());
        System.out.println("Fiscal year " + moved.year() + " is in stage " + moved.stage() + " (version " + moved.version()
                + ", " + moved.versionKind() + ")" + (target == Stage.DPA ? "; the DPA is locked." : "."));
    }
}
