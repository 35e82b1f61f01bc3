package id.gapura.complaints.command;

import id.gapura.complaints.internal.ApiKeyEntity;
import id.gapura.complaints.internal.ApiKeyService;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the ids of the api_keys that are still active. */
@Service
public class ApiKeyIdCompleter implements Completer {

    @Reference
    private ApiKeyService apiKeys;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (ApiKeyEntity key : apiKeys.list()) {
            if (key.active()) {
                ids.getStrings().add(String.valueOf(key.id()));
            }
        }
        return ids.complete(session, commandLine, candidates);
    }
}
