package id.gapura.core.command;

import id.gapura.api.spi.ModuleStatus;
import id.gapura.core.ModuleManager;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the ids of the modules in the catalog. */
@Service
public class ModuleIdCompleter implements Completer {

    @Reference
    private ModuleManager modules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (ModuleStatus module : modules.modules()) {
            ids.getStrings().add(module.descriptor().id());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
