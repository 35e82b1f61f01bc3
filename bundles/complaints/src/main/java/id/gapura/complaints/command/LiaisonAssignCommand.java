package id.gapura.complaints.command;

import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.LiaisonEntity;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "complaints", name = "liaison-assign",
        description = "Makes a user the liaison officer (Admin Penghubung) of an agency, replacing an earlier assignment")
public class LiaisonAssignCommand extends AdminCommandSupport {

    @Reference
    private CatalogService catalog;

    @Argument(index = 0, name = "username", description = "The officer's user name", required = true)
    @Completion(LiaisonCompleter.class)
    String username;

    @Argument(index = 1, name = "agency", description = "Code of the agency they answer for", required = true)
    @Completion(AgencyCodeCompleter.class)
    String agency;

    @Override
    protected void run() {
        CatalogService.Saved<LiaisonEntity> saved = catalog.assignLiaison(username, agency, actor());
        System.out.println((saved.created() ? "Assigned " : "Reassigned ") + username + " to agency " + agency
                + ". The user also needs the role complaints-liaison to answer reports.");
    }
}
