package id.gapura.core.command;

import id.gapura.core.ModuleManager.InstallPlan;
import id.gapura.core.ModuleManager.Outcome;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;

@Service
@Command(scope = "module", name = "install", description = "Installs modules at run time, without restarting anything")
public class InstallCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "ids", description = "Ids of the modules to install", required = true, multiValued = true)
    @Completion(ModuleIdCompleter.class)
    List<String> ids;

    @Option(name = "--dry-run", description = "Print what would be installed, change nothing")
    boolean dryRun;

    @Override
    protected void run() throws Exception {
        if (dryRun) {
            InstallPlan plan = modules.plan(ids);
            System.out.println("Would install features: " + String.join(", ", plan.features()));
            System.out.println("Would install " + plan.bundlesToInstall().size() + " bundles:");
            plan.bundlesToInstall().forEach(location -> System.out.println("  " + location));
            System.out.println("Would refresh or restart no other bundle. Nothing was changed.");
            return;
        }
        for (Outcome outcome : modules.install(ids, actor())) {
            System.out.println("Installed " + outcome.id() + " " + outcome.version() + ", serving after "
                    + seconds(outcome.elapsed()) + "; other bundles restarted or refreshed: "
                    + outcome.otherBundlesDisturbed());
        }
    }
}
