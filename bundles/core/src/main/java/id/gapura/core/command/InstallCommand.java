package id.gapura.core.command;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.core.AgreementService;
import id.gapura.core.ModuleManager.InstallPlan;
import id.gapura.core.ModuleManager.Outcome;
import id.gapura.core.agreement.Coverage;
import id.gapura.core.agreement.Coverage.InstallDecision;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.Version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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

    @Reference
    AgreementService agreements;

    @Reference
    AuditLog audit;

    @Override
    protected void run() throws Exception {
        Map<String, List<Version>> available = modules.availableVersions();
        Map<String, Version> installed = modules.installedVersions();
        Coverage coverage = agreements.coverage();
        // unknown and installed modules are left to the module manager, which refuses them with its own reason
        Map<String, Version> versions = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (!available.containsKey(id) || installed.containsKey(id)) {
                continue;
            }
            InstallDecision decision = coverage.decideInstall(id, available.get(id));
            if (decision.allowed()) {
                versions.put(id, decision.version().orElseThrow());
            } else {
                refusals.add(decision.refusal().orElseThrow());
            }
        }
        if (dryRun) {
            InstallPlan plan = modules.plan(ids);
            refusals.forEach(refusal -> System.out.println(refusal + (force
                    ? " --force would install it anyway (recorded in the audit log)."
                    : " It would be refused without --force.")));
            System.out.println("Would install features: " + String.join(", ", plan.features()));
            System.out.println("Would install " + plan.bundlesToInstall().size() + " bundles:");
            plan.bundlesToInstall().forEach(location -> System.out.println("  " + location));
            System.out.println("Would refresh or restart no other bundle. Nothing was changed.");
            return;
        }
        String note = "";
        if (!refusals.isEmpty()) {
            if (!force) {
                String reason = String.join(" ", refusals);
                for (String id : new LinkedHashSet<>(ids)) {
                    if (available.containsKey(id) && !installed.containsKey(id) && !versions.containsKey(id)) {
                        audit.record(actor(), "module.install", id, id, AuditOutcome.REFUSED, reason
                                + " Not installed: no --force.");
                    }
                }
                throw failure(reason + " Import the agreement that covers it and run agreement:apply, or install "
                        + "anyway with --force (recorded in the audit log). Nothing was changed.");
            }
            note = "forced with --force: " + String.join(" ", refusals);
        }
        for (Outcome outcome : modules.install(ids, versions, actor(), note)) {
            System.out.println("Installed " + outcome.id() + " " + outcome.version() + ", serving after "
                    + seconds(outcome.elapsed()) + "; other bundles restarted or refreshed: "
                    + outcome.otherBundlesDisturbed());
        }
        if (!note.isEmpty()) {
            System.out.println("Forced: " + String.join(" ", refusals) + " This is recorded in the audit log.");
        }
    }
}
