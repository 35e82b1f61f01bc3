package id.gapura.core.command;

import id.gapura.core.ModuleManager.InstallPlan;
import id.gapura.core.ModuleManager.Outcome;
import id.gapura.core.ModuleManager.Uncovered;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Installs modules; whether the agreements allow it, and what {@code --force} does, is the module manager's policy. */
@Service
@Command(scope = "module", name = "install", description = "Installs modules at run time, without restarting anything")
public class InstallCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "ids", description = "Ids of the modules to install", required = true, multiValued = true)
    @Completion(ModuleIdCompleter.class)
    List<String> ids;

    @Option(name = "--dry-run", description = "Print what would be installed, change nothing")
    boolean dryRun;

    @Option(name = "--force", description = "Install even a module that no active agreement covers; recorded in the audit log")
    boolean force;

    @Override
    protected void run() throws Exception {
        if (dryRun) {
            InstallPlan plan = modules.plan(ids);
            plan.uncovered().forEach(refusal -> System.out.println(refusal + (force
                    ? " --force would install it anyway (recorded in the audit log)."
                    : " It would be refused without --force.")));
            System.out.println("Would install features: " + String.join(", ", plan.features()));
            System.out.println("Would install " + plan.bundlesToInstall().size() + " bundles:");
            plan.bundlesToInstall().forEach(location -> System.out.println("  " + location));
            System.out.println("Would refresh or restart no other bundle. Nothing was changed.");
            return;
        }
        List<Outcome> outcomes = modules.install(ids, Map.of(), force ? Uncovered.FORCE : Uncovered.REFUSE, actor(), "");
        for (Outcome outcome : outcomes) {
            System.out.println("Installed " + outcome.id() + " " + outcome.version() + ", serving after "
                    + seconds(outcome.elapsed()) + "; other bundles restarted or refreshed: "
                    + outcome.otherBundlesDisturbed());
        }
        List<String> forced = outcomes.stream().map(Outcome::overridden).flatMap(Optional::stream).toList();
        if (!forced.isEmpty()) {
            System.out.println("Forced: " + String.join(" ", forced) + " This is recorded in the audit log.");
        }
    }
}
