package id.gapura.core.command;

import id.gapura.core.AgreementService;
import id.gapura.core.AgreementService.ApplyReport;
import id.gapura.core.agreement.ApplyPlan;
import id.gapura.core.agreement.StoredAgreement;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.util.List;
import java.util.stream.Collectors;

@Service
@Command(scope = "agreement", name = "apply",
        description = "Makes the installed modules match the active agreements: installs what they cover and is missing")
public class AgreementApplyCommand extends ModuleCommandSupport {

    @Option(name = "--dry-run", description = "Print the plan only, change nothing")
    boolean dryRun;

    @Option(name = "--prune", description = "Also uninstall installed modules that no active agreement covers (their data stays)")
    boolean prune;

    @Reference
    AgreementService agreements;

    @Override
    protected void run() throws Exception {
        List<StoredAgreement> active = agreements.agreements().stream().filter(StoredAgreement::active).toList();
        System.out.println("Active agreements: " + (active.isEmpty() ? "none" : active.stream()
                .map(stored -> stored.number() + " (" + stored.agreement().provider().name() + ", until "
                        + stored.agreement().validUntil() + ")").collect(Collectors.joining(", "))));
        if (dryRun) {
            ApplyPlan plan = agreements.plan(prune);
            printNotes(plan);
            if (plan.isEmpty()) {
                System.out.println("Nothing to do: the installed modules match the active agreements.");
            } else {
                System.out.println("Would:");
                plan.steps().forEach(step -> System.out.println("  " + step.describe()));
            }
            System.out.println("Dry run: nothing was changed.");
            return;
        }
        ApplyReport report = agreements.apply(prune, actor());
        printNotes(report.plan());
        if (report.plan().isEmpty()) {
            System.out.println("Nothing to do: the installed modules match the active agreements.");
            return;
        }
        report.done().forEach(line -> System.out.println("Done: " + line));
        if (report.failure().isPresent()) {
            StringBuilder line = new StringBuilder("agreement:apply stopped: failed to ")
                    .append(report.failure().get());
            line.append(report.done().isEmpty() ? ". Nothing was changed" : ". " + report.done().size()
                    + " step(s) before it were done (above)");
            if (!report.notDone().isEmpty()) {
                line.append("; not done: ").append(report.notDone().stream().map(ApplyPlan.Step::describe)
                        .collect(Collectors.joining("; ")));
            }
            line.append(". The failed step was undone; fix its cause and run agreement:apply again.");
            throw failure(line.toString());
        }
        System.out.println("Applied: the installed modules match the active agreements.");
    }

    private static void printNotes(ApplyPlan plan) {
        plan.notes().forEach(note -> System.out.println("Note: " + note));
    }
}
