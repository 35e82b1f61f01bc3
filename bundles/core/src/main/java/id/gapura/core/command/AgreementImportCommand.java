package id.gapura.core.command;

import id.gapura.core.AgreementService;
import id.gapura.core.AgreementService.ImportResult;
import id.gapura.core.agreement.Agreement;
import id.gapura.core.agreement.AgreementVerifier;
import id.gapura.core.agreement.StoredAgreement;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

@Service
@Command(scope = "agreement", name = "import",
        description = "Verifies a signed cooperation agreement (PKS) and stores it; a refused document stores nothing")
public class AgreementImportCommand extends ModuleCommandSupport {

    @Argument(index = 0, name = "file", description = "The signed agreement (.jws, compact JWS); a relative path "
            + "is relative to the Gapura folder", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Reference
    AgreementService agreements;

    @Override
    protected void run() throws Exception {
        Path path = agreements.resolve(file);
        String document;
        try {
            if (Files.size(path) > AgreementVerifier.MAX_DOCUMENT_CHARS) {
                throw failure("Refused: " + path + " has " + Files.size(path) + " bytes; a signed agreement has at "
                        + "most " + AgreementVerifier.MAX_DOCUMENT_CHARS + ". Nothing was stored.");
            }
            document = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw failure("Cannot read " + path + " (" + e.getClass().getSimpleName() + "). Relative paths are "
                    + "relative to the Gapura folder " + agreements.resolve(".") + ". Nothing was stored.");
        }
        ImportResult result;
        try {
            result = agreements.importDocument(document, path.getFileName().toString(), actor());
        } catch (id.gapura.core.agreement.AgreementRefusedException e) {
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
}
