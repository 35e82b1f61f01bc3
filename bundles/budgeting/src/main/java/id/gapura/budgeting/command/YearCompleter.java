package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Budget;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the open fiscal years. */
@Service
public class YearCompleter implements Completer {

    @Reference
    private Budget budget;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(budget.years().stream().map(year -> Integer.toString(year.year())).toList())
                .complete(session, commandLine, candidates);
    }
}
