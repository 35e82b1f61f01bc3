package id.gapura.sakip.command;

import id.gapura.sakip.internal.Agencies;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "sakip", name = "agency-add", description = "Adds an agency to SAKIP, or renames a known one (use budgeting's agency code where budgeting is used)")
public class AgencyAddCommand extends SakipCommandSupport {

    @Reference
    private Agencies agencies;

    @Argument(index = 0, name = "code", required = true, description = "The agency code, e.g. 1.01.0.00.0.00.01.0000")
    String code;

    @Argument(index = 1, name = "name", required = true, description = "The agency's name (quote it)")
    String name;

    @Override
    protected void run() {
        Agencies.Agency agency = agencies.put(code, name, administrator());
        System.out.println("Agency " + agency.code() + " is " + agency.name() + " in SAKIP.");
    }
}
