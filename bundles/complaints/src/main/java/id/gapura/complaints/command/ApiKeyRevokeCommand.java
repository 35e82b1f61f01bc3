package id.gapura.complaints.command;

import id.gapura.complaints.internal.ApiKeyEntity;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "complaints", name = "apikey-revoke",
        description = "Revokes an Open311 api_key at once: the app's next submission with it is refused")
public class ApiKeyRevokeCommand extends ApiKeyCommandSupport {

    @Argument(index = 0, name = "id", description = "Id of the key, from complaints:apikey-list", required = true)
    @Completion(ApiKeyIdCompleter.class)
    String id;

    @Override
    protected void run() throws Exception {
        long number;
        try {
            number = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw failure("'" + id + "' is not an api_key id; complaints:apikey-list shows the ids. Nothing was changed.");
        }
        ApiKeyEntity revoked = apiKeys.revoke(number, actor());
        System.out.println("Revoked api_key " + revoked.id() + " of \"" + revoked.name()
                + "\"; its submissions are refused from now on. Issue a new key with complaints:apikey-issue if the "
                + "app still needs one.");
    }
}
