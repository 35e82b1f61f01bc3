package id.gapura.complaints.command;

import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.ServiceEntity;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the codes of the service categories, active or not. */
@Service
public class ServiceCodeCompleter implements Completer {

    @Reference
    private CatalogService catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter codes = new StringsCompleter();
        catalog.services().stream().map(ServiceEntity::code).forEach(codes.getStrings()::add);
        return codes.complete(session, commandLine, candidates);
    }
}
