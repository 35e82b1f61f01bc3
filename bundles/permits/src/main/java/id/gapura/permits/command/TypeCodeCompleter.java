package id.gapura.permits.command;

import id.gapura.permits.internal.PermitType;
import id.gapura.permits.internal.PermitTypes;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes permit type codes. */
@Service
public class TypeCodeCompleter implements Completer {

    @Reference
    private PermitTypes types;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        types.all(false).stream().map(PermitType::code).forEach(codes.getStrings()::add);
        return codes.complete(session, commandLine, candidates);
    }
}
