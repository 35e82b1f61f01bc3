package id.gapura.complaints.command;

import id.gapura.complaints.internal.ApiKeyService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the {@code complaints:apikey-*} commands share: the key service, the acting user, one-line failures. */
public abstract class ApiKeyCommandSupport implements Action {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyCommandSupport.class);

    @Reference
    protected ApiKeyService apiKeys;

    @Override
    public Object execute() throws Exception {
        try {
            run();
            return null;
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("complaints api_key command failed", e);
            throw failure("Unexpected failure (" + e.getClass().getSimpleName() + "); nothing may have been changed. "
                    + "The details are in log:display.");
        }
    }

    protected abstract void run() throws Exception;

    /** Printed as the single line the administrator sees; the command's exit status is non-zero. */
    protected static CommandException failure(String line) {
        return new CommandException(line, line);
    }

    /** The console user, from the JAAS subject of the shell session (e.g. {@code karaf}). */
    protected static String actor() {
        String user = ShellUtil.getCurrentUserName();
        return user == null ? "console" : user;
    }
}
