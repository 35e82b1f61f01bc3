package id.gapura.complaints.command;

import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.CatalogService;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the codes of the region's agencies. */
@Service
public class AgencyCodeCompleter implements Completer {

    @Reference
    private CatalogService catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        catalog.agencies().stream().map(AgencyEntity::code).forEach(codes.getStrings()::add);
        return codes.complete(session, commandLine, candidates);
    }
}
