package id.gapura.core.command;

import id.gapura.core.internal.RealmUsers;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;

@Service
@Command(scope = "user", name = "add", description = "Adds a console and REST user to the realm, with its roles; "
        + "without a password argument, asks for it")
public class UserAddCommand extends UserCommandSupport {

    @Option(name = "--role", multiValued = true, description = "A role to give, e.g. complaints-liaison or viewer; "
            + "repeat for more")
    List<String> roles = List.of();

    @Argument(index = 0, name = "user", required = true, description = "The new user's name")
    String user;

    @Argument(index = 1, name = "password", description = "At least 8 characters; leave out to type it unseen")
    String password;

    @Override
    protected void change() throws Exception {
        RealmUsers.User added = users.add(user, password(password, user), roles);
        audit("add", user, "roles: " + String.join(", ", added.roles()));
        System.out.println("User " + user + " added with the roles " + UserListCommand.roles(added) + ".");
    }
}
