package id.gapura.complaints.command;

import id.gapura.complaints.internal.ApiKeyService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;

@Service
@Command(scope = "complaints", name = "apikey-issue",
        description = "Issues an Open311 api_key for an app that submits requests; the key is shown only once")
public class ApiKeyIssueCommand extends ApiKeyCommandSupport {

    @Argument(index = 0, name = "app", description = "Name of the app or partner the key is for, e.g. \"LAKSA mobile\"",
            required = true, multiValued = true)
    List<String> app;

    @Override
    protected void run() {
        ApiKeyService.Issued issued = apiKeys.issue(String.join(" ", app), actor());
        System.out.println("Issued api_key " + issued.record().id() + " for \"" + issued.record().name() + "\":");
        System.out.println(issued.key());
        System.out.println("Give it to the app now: it is not stored and cannot be shown again. "
                + "Revoke it with complaints:apikey-revoke " + issued.record().id() + ".");
    }
}
