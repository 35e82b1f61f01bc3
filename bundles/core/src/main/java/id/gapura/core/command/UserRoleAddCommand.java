package id.gapura.core.command;

import id.gapura.core.internal.RealmUsers;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;

@Service
@Command(scope = "user", name = "role-add", description = "Gives a user one or more roles")
public class UserRoleAddCommand extends UserCommandSupport {

    @Argument(index = 0, name = "user", required = true, description = "The user")
    @Completion(UserNameCompleter.class)
    String user;

    @Argument(index = 1, name = "roles", required = true, multiValued = true, description = "The roles to give")
    List<String> roles;

    @Override
    protected void change() {
        RealmUsers.User changed = users.addRoles(user, roles);
        audit("role-add", user, "added " + String.join(", ", roles) + "; roles now: "
                + String.join(", ", changed.roles()));
        System.out.println(user + " now has the roles " + UserListCommand.roles(changed) + ".");
    }
}
