package id.gapura.core.command;

import id.gapura.core.internal.RealmUsers;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "user", name = "list", description = "Lists the console and REST users of the realm with their "
        + "roles (never their passwords)")
public class UserListCommand extends UserCommandSupport {

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void change() {
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Roles");
        table.column("Groups");
        for (RealmUsers.User user : users.list()) {
            table.addRow().addContent(user.name(), String.join(",", user.roles()), String.join(",", user.groups()));
        }
        table.print(System.out, !noFormat);
    }

    static String roles(RealmUsers.User user) {
        return user.roles().isEmpty() ? "(none)" : String.join(", ", user.roles());
    }
}
