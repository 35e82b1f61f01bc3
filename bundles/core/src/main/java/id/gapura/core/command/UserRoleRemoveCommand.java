package id.gapura.core.command;

import id.gapura.core.internal.RealmUsers;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;

@Service
@Command(scope = "user", name = "role-remove", description = "Takes one or more roles from a user")
public class UserRoleRemoveCommand extends UserCommandSupport {

    @Argument(index = 0, name = "user", required = true, description = "The user")
    @Completion(UserNameCompleter.class)
    String user;

    @Argument(index = 1, name = "roles", required = true, multiValued = true, description = "The roles to take away")
    List<String> roles;

    @Override
    protected void change() {
        RealmUsers.User changed = users.removeRoles(user, roles);
        audit("role-remove", user, "removed " + String.join(", ", roles) + "; roles now: "
                + String.join(", ", changed.roles()));
        System.out.println(user + " now has the roles " + UserListCommand.roles(changed) + ". REST logins and "
                + "tokens it already made keep the old roles for up to authCacheSeconds (etc/id.gapura.web.cfg).");
    }
}
