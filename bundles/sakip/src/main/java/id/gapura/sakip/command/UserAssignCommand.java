package id.gapura.sakip.command;

import id.gapura.sakip.internal.Agencies;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "sakip", name = "user-assign", description = "Assigns a sakip-planner or sakip-agency-head user to the agency they work for")
public class UserAssignCommand extends SakipCommandSupport {

    @Reference
    private Agencies agencies;

    @Argument(index = 0, name = "user", required = true, description = "The user name (as in etc/users.properties)")
    String user;

    @Argument(index = 1, name = "agency", required = true, description = "The agency code")
    @Completion(AgencyCompleter.class)
    String agency;

    @Override
    protected void run() {
        agencies.assign(user, agency, administrator());
        System.out.println("User " + user + " now works for agency " + agency + " (" + agencies.agency(agency).name()
                + ") in SAKIP; the user also needs the sakip-planner or sakip-agency-head role.");
    }
}
