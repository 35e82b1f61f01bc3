package id.gapura.core.command;

import id.gapura.core.ModuleManager.Outcome;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;

@Service
@Command(scope = "module", name = "uninstall",
        description = "Uninstalls modules at run time; their data stays in the database")
public class UninstallCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "ids", description = "Ids of the modules to uninstall", required = true, multiValued = true)
    @Completion(ModuleIdCompleter.class)
    List<String> ids;

    @Override
    protected void run() throws Exception {
        for (Outcome outcome : modules.uninstall(ids, actor())) {
            System.out.println("Uninstalled " + outcome.id() + " " + outcome.version() + " in "
                    + seconds(outcome.elapsed()) + "; its data is kept. Other bundles restarted or refreshed: "
                    + outcome.otherBundlesDisturbed());
        }
    }
}
