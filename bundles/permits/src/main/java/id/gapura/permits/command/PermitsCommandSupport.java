package id.gapura.permits.command;

import id.gapura.api.ProblemException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** What every {@code permits:} command shares: one-line failures with a non-zero exit status. */
public abstract class PermitsCommandSupport implements Action {

    private static final Logger LOG = LoggerFactory.getLogger(PermitsCommandSupport.class);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
            LOG.error("permits command failed", e);
            throw failure("Unexpected failure (" + e.getClass().getSimpleName() + "); the details are in log:display.");
        }
    }

    protected abstract void run() throws Exception;

    protected static CommandException failure(String line) {
        return new CommandException(line, line);
    }

    protected static String minutes(OffsetDateTime time) {
        return time == null ? "-" : time.format(MINUTES);
    }
}
