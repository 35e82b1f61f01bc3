package id.gapura.core.command;

import id.gapura.core.internal.RealmUsers;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the names of the realm's users. */
@Service
public class UserNameCompleter implements Completer {

    @Reference
    RealmUsers users;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        try {
            users.list().forEach(user -> names.getStrings().add(user.name()));
        } catch (RealmUsers.Refused e) {
            return -1;
        }
        return names.complete(session, commandLine, candidates);
    }
}
