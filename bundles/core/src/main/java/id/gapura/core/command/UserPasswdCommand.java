package id.gapura.core.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "user", name = "passwd", description = "Sets a user's password; without a password argument, "
        + "asks for it")
public class UserPasswdCommand extends UserCommandSupport {

    @Argument(index = 0, name = "user", required = true, description = "The user")
    @Completion(UserNameCompleter.class)
    String user;

    @Argument(index = 1, name = "password", description = "At least 8 characters; leave out to type it unseen")
    String password;

    @Override
    protected void change() throws Exception {
        users.changePassword(user, password(password, user));
        audit("password", user, "password changed");
        System.out.println("The password of " + user + " is changed. Logins it already made stay valid for up to "
                + "authCacheSeconds (etc/id.gapura.web.cfg); its bearer tokens stay valid until revoked.");
    }
}
