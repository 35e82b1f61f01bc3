package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Stage;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.Arrays;
import java.util.List;

/** Completes the stages a year can be moved to. */
@Service
public class StageCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Arrays.stream(Stage.values()).skip(1).map(Stage::id).toList())
                .complete(session, commandLine, candidates);
    }
}
