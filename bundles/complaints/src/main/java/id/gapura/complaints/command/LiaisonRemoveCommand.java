package id.gapura.complaints.command;

import id.gapura.complaints.internal.CatalogService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "complaints", name = "liaison-remove",
        description = "Ends a liaison officer's assignment; they no longer see any agency's reports")
public class LiaisonRemoveCommand extends AdminCommandSupport {

    @Reference
    private CatalogService catalog;

    @Argument(index = 0, name = "username", description = "The officer's user name", required = true)
    @Completion(LiaisonCompleter.class)
    String username;

    @Override
    protected void run() {
        catalog.removeLiaison(username, actor());
        System.out.println("Removed " + username + " as liaison officer.");
    }
}
