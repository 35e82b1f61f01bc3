package id.gapura.core.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "user", name = "delete", description = "Removes a user from the realm; its records and audit "
        + "entries stay")
public class UserDeleteCommand extends UserCommandSupport {

    @Argument(index = 0, name = "user", required = true, description = "The user")
    @Completion(UserNameCompleter.class)
    String user;

    @Override
    protected void change() {
        users.delete(user);
        audit("delete", user, "removed from the realm");
        System.out.println("User " + user + " is removed. Its bearer tokens are refused within authCacheSeconds "
                + "(etc/id.gapura.web.cfg).");
    }
}
