package id.gapura.complaints.command;

import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.LiaisonEntity;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the user names of the assigned liaison officers. */
@Service
public class LiaisonCompleter implements Completer {

    @Reference
    private CatalogService catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        catalog.liaisons().stream().map(LiaisonEntity::username).forEach(names.getStrings()::add);
        return names.complete(session, commandLine, candidates);
    }
}
