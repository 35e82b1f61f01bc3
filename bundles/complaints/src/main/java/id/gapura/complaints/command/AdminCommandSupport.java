package id.gapura.complaints.command;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the {@code complaints:} administration commands share: the acting user, times in the region's zone,
 * and refusals as one line with a non-zero exit status.
 */
public abstract class AdminCommandSupport implements Action {

    private static final Logger LOG = LoggerFactory.getLogger(AdminCommandSupport.class);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    @Override
    public Object execute() throws Exception {
        try {
            run();
            return null;
        } catch (ProblemException e) {
            throw failure(describe(e));
        } catch (RuntimeException e) {
            LOG.error("complaints command failed", e);
            throw failure("Unexpected failure (" + e.getClass().getSimpleName() + "); the details are in log:display.");
        }
    }

    protected abstract void run() throws Exception;

    /** Printed as the single line the administrator sees; the command's exit status is non-zero. */
    protected static CommandException failure(String line) {
        return new CommandException(line, line);
    }

    /** A refusal in one line: the detail, or each invalid field, and that nothing changed. */
    static String describe(ProblemException problem) {
        if (problem.errors().isEmpty()) {
            return problem.detail();
        }
        return problem.errors().stream().map(AdminCommandSupport::describe).collect(Collectors.joining("; "))
                + ". Nothing was changed.";
    }

    private static String describe(FieldError error) {
        return error.field() + " " + error.message();
    }

    protected static String actor() {
        String user = ShellUtil.getCurrentUserName();
        return user == null ? "console" : user;
    }

    protected static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL_TIME.format(instant.atZone(zone));
    }

    protected static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
