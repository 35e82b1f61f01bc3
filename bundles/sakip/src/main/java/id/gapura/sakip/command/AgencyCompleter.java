package id.gapura.sakip.command;

import id.gapura.sakip.internal.Agencies;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes SAKIP's agency codes. */
@Service
public class AgencyCompleter implements Completer {

    @Reference
    private Agencies agencies;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(agencies.list().stream().map(Agencies.Agency::code).toList())
                .complete(session, commandLine, candidates);
    }
}
