package id.gapura.sakip.command;

import id.gapura.api.ProblemException;
import id.gapura.sakip.internal.Actor;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every {@code sakip:} command shares: the administrator as actor, one-line failures with a non-zero status. */
public abstract class SakipCommandSupport implements Action {

    private static final Logger LOG = LoggerFactory.getLogger(SakipCommandSupport.class);

    @Override
    public Object execute() throws Exception {
        try {
            run();
            return null;
        } catch (CommandException e) {
            throw e;
        } catch (ProblemException e) {
            throw failure(e.detail() + (e.errors().isEmpty() ? "" : " " + e.errors().stream()
                    .map(error -> error.field() + ": " + error.message()).toList()));
        } catch (RuntimeException e) {
            LOG.error("sakip command failed", e);
            throw failure("Unexpected failure (" + e.getClass().getSimpleName() + "); the details are in log:display.");
        }
    }

    protected abstract void run() throws Exception;

    protected static Actor administrator() {
        String user = ShellUtil.getCurrentUserName();
        return Actor.admin(user == null ? "console" : user);
    }

    protected static CommandException failure(String line) {
        return new CommandException(line, line);
    }
}
