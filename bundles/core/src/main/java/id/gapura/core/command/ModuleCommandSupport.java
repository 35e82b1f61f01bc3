package id.gapura.core.command;

import id.gapura.api.Health;
import id.gapura.core.ModuleManager;
import id.gapura.core.ModuleOperationException;
import id.gapura.core.agreement.AgreementRefusedException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.ShellUtil;
import org.apache.karaf.shell.support.table.ShellTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every {@code module:}, {@code agreement:} and {@code audit:} command shares: the manager, the acting
 * user, and one-line failures.
 */
public abstract class ModuleCommandSupport implements Action {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleCommandSupport.class);

    @Reference
    protected ModuleManager modules;

    @Override
    public Object execute() throws Exception {
        try {
            run();
            return null;
        } catch (ModuleOperationException | AgreementRefusedException e) {
            throw failure(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("module command failed", e);
            throw failure("Unexpected failure (" + e.getClass().getSimpleName() + "); the details are in log:display.");
        }
    }

    protected abstract void run() throws Exception;

    /** Printed as the single line the administrator sees; the command's exit status is non-zero. */
    protected static CommandException failure(String line) {
        return new CommandException(line, line);
    }

    /**
     * The console user, from the JAAS subject Karaf runs the command as (SSH, {@code bin/client} and the local
     * console alike).
     */
    protected static String actor() {
        String user = ShellUtil.getCurrentUserName();
        return user == null ? "console" : user;
    }

    protected static String describe(Health health) {
        return (health.up() ? "UP" : "DOWN") + " - " + health.detail();
    }

    /** A file named on the console: relative names are taken from Karaf's base folder, where bin/ and etc/ are. */
    protected static Path path(String name) {
        Path path = Path.of(name);
        return path.isAbsolute() ? path : Path.of(System.getProperty("karaf.base", ".")).resolve(path).normalize();
    }

    /** Rows per table, before and after an operation, as a table. */
    protected static void printRows(Map<String, Long> before, Map<String, Long> after) {
        ShellTable table = new ShellTable();
        table.column("Table");
        table.column("Rows before").alignRight();
        table.column("Rows after").alignRight();
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            table.addRow().addContent(name, before.getOrDefault(name, 0L), after.getOrDefault(name, 0L));
        }
        table.print(System.out);
    }

    protected static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
