package id.gapura.core.command;

import id.gapura.core.AgreementService;
import id.gapura.core.agreement.Agreement.CoveredModule;
import id.gapura.core.agreement.StoredAgreement;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Version;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Service
@Command(scope = "agreement", name = "list", description = "Lists the imported cooperation agreements and whether each is in force")
public class AgreementListCommand extends ModuleCommandSupport {

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Reference
    AgreementService agreements;

    @Override
    protected void run() throws Exception {
        List<StoredAgreement> all = agreements.agreements();
        if (all.isEmpty()) {
            System.out.println("No agreement imported. agreement:import <file> imports a signed agreement (PKS).");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Provider");
        table.column("Region");
        table.column("Valid from");
        table.column("Valid until");
        table.column("Status");
        table.column("Modules");
        for (StoredAgreement stored : all) {
            table.addRow().addContent(
                    stored.number(),
                    stored.agreement().provider().toString(),
                    stored.agreement().region().toString(),
                    stored.agreement().validFrom().toString(),
                    stored.agreement().validUntil().toString(),
                    stored.standing().label(),
                    stored.agreement().modules().stream().map(CoveredModule::id).collect(Collectors.joining(", ")));
        }
        table.print(System.out, !noFormat);
        ExpiryWarnings.print(agreements.coverage(), modules.installedVersions(), agreements.today());
    }

    /** Warnings shared by agreement:list and module:list. */
    static final class ExpiryWarnings {
        private ExpiryWarnings() {
        }

        static void print(id.gapura.core.agreement.Coverage coverage, Map<String, Version> installed,
                          java.time.LocalDate today) {
            for (StoredAgreement stored : coverage.agreements()) {
                if (stored.active()) {
                    long days = java.time.temporal.ChronoUnit.DAYS.between(today, stored.agreement().validUntil());
                    if (days < 60) {
                        System.out.println("Warning: agreement " + stored.number() + " expires on "
                                + stored.agreement().validUntil() + " (in " + days + " days); ask "
                                + stored.agreement().provider().name() + " for its renewal.");
                    }
                    continue;
                }
                if (stored.standing() == StoredAgreement.Standing.NOT_YET_VALID) {
                    continue;
                }
                List<String> running = stored.agreement().modules().stream().map(CoveredModule::id)
                        .filter(installed::containsKey).filter(id -> !coverage.covers(id)).toList();
                System.out.println("Warning: agreement " + stored.number() + " " + stored.explainStanding() + "."
                        + (running.isEmpty() ? "" : " " + String.join(", ", running) + (running.size() == 1
                        ? " keeps" : " keep") + " running, but no active agreement covers "
                        + (running.size() == 1 ? "it" : "them") + ": import a renewed agreement from "
                        + stored.agreement().provider().name() + "."));
            }
        }
    }
}
