package id.gapura.core.command;

import id.gapura.core.AgreementService;
import id.gapura.core.agreement.Agreement;
import id.gapura.core.agreement.Agreement.CoveredModule;
import id.gapura.core.agreement.StoredAgreement;
import id.gapura.core.audit.AuditTimes;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Version;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

@Service
@Command(scope = "agreement", name = "show", description = "Shows an imported agreement: parties, dates, modules, signer")
public class AgreementShowCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "number", description = "The agreement's number", required = true)
    @Completion(AgreementNumberCompleter.class)
    String number;

    @Option(name = "--document", description = "Print only the signed document (compact JWS) as imported, "
            + "to verify it elsewhere")
    boolean document;

    @Reference
    AgreementService agreements;

    @Override
    protected void run() throws Exception {
        StoredAgreement stored = agreements.agreement(number).orElseThrow(() -> failure(
                "No agreement '" + number + "' is imported. agreement:list shows the imported ones."));
        if (document) {
            System.out.println(stored.document());
            return;
        }
        Agreement agreement = stored.agreement();
        ShellTable table = new ShellTable().noHeaders();
        table.column("Key");
        table.column("Value");
        table.addRow().addContent("Number", agreement.number());
        agreement.mou().ifPresent(mou -> table.addRow().addContent("MoU", mou));
        table.addRow().addContent("Provider", agreement.provider().toString());
        table.addRow().addContent("Region", agreement.region().toString());
        table.addRow().addContent("Signed on", agreement.signedOn().toString());
        table.addRow().addContent("Valid", agreement.validFrom() + " to " + agreement.validUntil());
        table.addRow().addContent("Status", stored.explainStanding());
        table.addRow().addContent("Signed with", "trusted key " + stored.keyId() + agreements.trustedKeys()
                .byId(stored.keyId()).map(key -> " (" + key.description() + ", thumbprint " + key.thumbprint() + ")")
                .orElse(" (no longer in the trusted keys folder)"));
        table.addRow().addContent("Imported", AuditTimes.format(stored.importedAt(), agreements.zone()) + " by "
                + stored.importedBy());
        table.print(System.out);

        Map<String, Version> installed = modules.installedVersions();
        ShellTable covered = new ShellTable();
        covered.column("Module");
        covered.column("Versions");
        covered.column("Installed");
        covered.column("Configuration defaults");
        for (CoveredModule module : agreement.modules()) {
            Version version = installed.get(module.id());
            covered.addRow().addContent(module.id(), module.versions().toString(),
                    version == null ? "no" : version + (module.allows(version) ? "" : " (outside the range)"),
                    new TreeMap<>(module.config()).entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", ")));
        }
        System.out.println();
        covered.print(System.out);
    }
}
