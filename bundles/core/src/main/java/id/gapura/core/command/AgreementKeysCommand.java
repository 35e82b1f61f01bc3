package id.gapura.core.command;

import id.gapura.core.AgreementService;
import id.gapura.core.agreement.TrustedKeys;
import id.gapura.core.agreement.TrustedKeys.TrustedKey;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "agreement", name = "keys",
        description = "Lists the providers' public keys this region trusts, and files in the folder that are not trusted")
public class AgreementKeysCommand extends ModuleCommandSupport {

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Reference
    AgreementService agreements;

    @Override
    protected void run() throws Exception {
        TrustedKeys trusted = agreements.trustedKeys();
        System.out.println("Trusted keys folder: " + trusted.folder());
        if (trusted.keys().isEmpty()) {
            System.out.println("No provider key is trusted: every agreement is refused. Put the provider's public "
                    + "key there as <provider code>-<label>.pem after checking its thumbprint with the provider.");
        } else {
            ShellTable table = new ShellTable();
            table.column("Key id");
            table.column("Provider");
            table.column("Key");
            table.column("Thumbprint (SHA-256)");
            for (TrustedKey key : trusted.keys()) {
                table.addRow().addContent(key.id(), key.providerCode(), key.description(), key.thumbprint());
            }
            table.print(System.out, !noFormat);
        }
        trusted.problems().forEach(problem -> System.out.println("Not trusted: " + problem));
    }
}
