package id.gapura.core.command;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.core.AgreementService;
import id.gapura.core.AgreementService.ImportResult;
import id.gapura.core.agreement.Agreement;
import id.gapura.core.agreement.AgreementFile;
import id.gapura.core.agreement.AgreementRefusedException;
import id.gapura.core.agreement.StoredAgreement;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

@Service
@Command(scope = "agreement", name = "import",
        description = "Verifies a signed cooperation agreement (PKS) and stores it; a refused document stores nothing")
public class AgreementImportCommand extends ModuleCommandSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AgreementImportCommand.class);

    @Argument(index = 0, name = "file", description = "The signed agreement (.jws, compact JWS); a relative path "
            + "is relative to the Gapura folder", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Reference
    AgreementService agreements;

    @Reference
    AuditLog audit;

    @Override
    protected void run() throws Exception {
        Path path = agreements.resolve(file);
        String source = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String document;
        try {
            document = AgreementFile.read(path);
        } catch (AgreementRefusedException e) {
            // refused before it is read as an agreement, so the service never sees it: audited here as the service
            // audits the refusals it finds (action, subject the file name, the reason; never the content)
            refused(source, e.getMessage() + " Nothing was stored.");
            String hint = e.getCause() instanceof IOException ? " A relative path is relative to the Gapura folder "
                    + agreements.resolve(".") + "." : "";
            throw failure("Refused: " + e.getMessage() + hint + " Nothing was stored.");
        }
        ImportResult result;
        try {
            result = agreements.importDocument(document, source, actor());
        } catch (AgreementRefusedException e) {
            // the service has audited it
            throw failure("Refused: " + e.getMessage() + " Nothing was stored.");
        }
        StoredAgreement stored = result.stored();
        Agreement agreement = stored.agreement();
        String what = switch (result.change()) {
            case ADDED -> "Imported";
            case REPLACED -> "Imported (replacing the earlier document with this number)";
            case UNCHANGED -> "Already imported, nothing changed:";
        };
        System.out.println(what + " agreement " + agreement.number() + ": " + agreement.provider() + " for "
                + agreement.region() + ", valid " + agreement.validFrom() + " to " + agreement.validUntil() + " ("
                + stored.standing().label() + ").");
        System.out.println("Covers: " + agreement.modules().stream().map(module -> module.id() + " " + module.versions())
                .collect(Collectors.joining(", ")));
        System.out.println("Signed with trusted key " + stored.keyId() + ".");
        result.warnings().forEach(warning -> System.out.println("Warning: " + warning));
        System.out.println("Next: agreement:apply --dry-run shows what it changes; agreement:apply applies it.");
    }

    private void refused(String source, String detail) {
        try {
            audit.record(actor(), "agreement.import", null, source, AuditOutcome.REFUSED, detail);
        } catch (RuntimeException e) {
            // the administrator still gets the refusal; the log says the audit entry is missing
            LOG.error("Could not record in the audit log: agreement.import {} refused by {}: {}", source, actor(), detail, e);
        }
    }
}
