package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.ReferenceData;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "budgeting", name = "users", description = "Lists budget-agency users and their agencies")
public class UsersCommand extends BudgetingCommandSupport {

    @Reference
    private ReferenceData reference;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Agency");
        reference.assignments().forEach((user, agency) -> table.addRow().addContent(user, agency));
        table.print(System.out, !noFormat);
    }
}
