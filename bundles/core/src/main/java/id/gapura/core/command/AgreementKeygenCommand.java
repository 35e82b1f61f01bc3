package id.gapura.core.command;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.core.AgreementService;
import id.gapura.core.agreement.ProviderKeys;
import id.gapura.core.agreement.ProviderKeys.Created;
import id.gapura.core.agreement.ProviderKeys.KeyType;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

@Service
@Command(scope = "agreement", name = "keygen",
        description = "Provider side: creates the key pair that signs this provider's agreements")
public class AgreementKeygenCommand extends ModuleCommandSupport {

    @Option(name = "--provider", description = "The provider's Kemendagri region code, e.g. 3671", required = true)
    String provider;

    @Option(name = "--type", description = "ES256 (EC P-256, default) or RS256 (RSA 3072)")
    String type = "ES256";

    @Option(name = "--out", description = "Folder for the two files (default etc/gapura/signing)")
    String out = "etc/gapura/signing";

    @Argument(index = 0, name = "label", description = "What tells this key from the provider's others, e.g. "
            + "diskominfo-2026", required = true)
    String label;

    @Reference
    AgreementService agreements;

    @Reference
    AuditLog audit;

    @Override
    protected void run() throws Exception {
        KeyType keyType;
        String keyId;
        try {
            keyType = KeyType.valueOf(type.toUpperCase(Locale.ROOT));
            keyId = ProviderKeys.keyId(provider, label);
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage().startsWith("No enum") ? "--type must be ES256 or RS256, not " + type
                    : e.getMessage() + ".");
        }
        Path folder = agreements.resolve(out);
        Created created;
        try {
            created = ProviderKeys.generate(keyId, keyType, folder);
        } catch (IOException e) {
            throw failure("Could not write the key files: " + e.getMessage());
        }
        audit.record(actor(), "agreement.keygen", null, keyId, AuditOutcome.SUCCEEDED, keyType + " key pair in "
                + folder + "; thumbprint " + created.trusted().thumbprint());
        System.out.println("Created key " + keyId + " (" + created.trusted().description() + ").");
        System.out.println("  Private key, keep it secret on this server only: " + created.privateKeyFile());
        System.out.println("  Public key, give it to each adopting region:     " + created.publicKeyFile());
        System.out.println("  Thumbprint, tell it to the regions by another channel (phone, letter) so they can "
                + "check the public key: " + created.trusted().thumbprint());
        System.out.println("Next: agreement:sign --key " + created.privateKeyFile() + " <agreement.json>");
    }
}
