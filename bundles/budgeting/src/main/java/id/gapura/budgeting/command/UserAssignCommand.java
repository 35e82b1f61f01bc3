package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.ReferenceData;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "budgeting", name = "user-assign", description = "Assigns a budget-agency user (drafts) or budget-agency-head user (validates) to their agency")
public class UserAssignCommand extends BudgetingCommandSupport {

    @Reference
    private ReferenceData reference;

    @Argument(index = 0, name = "user", required = true, description = "The user name (as in etc/users.properties)")
    String user;

    @Argument(index = 1, name = "agency", required = true, description = "The agency code")
    @Completion(AgencyCompleter.class)
    String agency;

    @Override
    protected void run() {
        reference.assign(user, agency);
        System.out.println("User " + user + " now works for agency " + agency + " (" + reference.agency(agency).name()
                + "); the user also needs the budget-agency role (drafts lines, records realisation) or the"
                + " budget-agency-head role (validates).");
    }
}
