package id.gapura.core.command;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.core.internal.RealmUsers;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

import java.io.IOException;

/** What the {@code user:} commands share: the realm's users, the audit log, and a password asked for twice. */
public abstract class UserCommandSupport extends ModuleCommandSupport {

    @Reference
    protected RealmUsers users;

    @Reference
    protected AuditLog audit;

    @Reference
    protected Session session;

    @Override
    protected final void run() throws Exception {
        try {
            change();
        } catch (RealmUsers.Refused e) {
            throw failure(e.getMessage());
        }
    }

    protected abstract void change() throws Exception;

    protected void audit(String action, String user, String detail) {
        audit.record(actor(), "security.user." + action, null, "user " + user, AuditOutcome.SUCCEEDED, detail);
    }

    /** The password given on the command line, or typed twice without echo, so that it stays out of the history. */
    protected String password(String given, String user) throws IOException, CommandException {
        if (given != null) {
            return given;
        }
        String typed = session.readLine("New password for " + user + ": ", '*');
        String again = session.readLine("The same again: ", '*');
        if (typed == null || !typed.equals(again)) {
            throw failure("The two passwords differ; nothing changed.");
        }
        return typed;
    }
}
