package id.gapura.budgeting.command;

import id.gapura.budgeting.internal.Codes;
import id.gapura.budgeting.internal.ReferenceData;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes agency codes. */
@Service
public class AgencyCompleter implements Completer {

    @Reference
    private ReferenceData reference;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(reference.list(Codes.Kind.AGENCIES).stream().map(ReferenceData.Entry::code).toList())
                .complete(session, commandLine, candidates);
    }
}
