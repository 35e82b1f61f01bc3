package id.gapura.budgeting.command;

import id.gapura.api.ProblemException;
import id.gapura.budgeting.internal.Actor;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every {@code budgeting:} command shares: the administrator as actor, one-line failures with a non-zero status. */
public abstract class BudgetingCommandSupport implements Action {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetingCommandSupport.class);

    @Override
    public Object execute() throws Exception {
        try {
            run();
            return null;
        } catch (CommandException e) {
            throw e;
        } catch (ProblemException e) {
            throw failure(e.detail());
        } catch (RuntimeException e) {
            LOG.error("budgeting command failed", e);
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
