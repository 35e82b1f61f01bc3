package id.gapura.core.command;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.core.AgreementService;
import id.gapura.core.agreement.Agreement;
import id.gapura.core.agreement.AgreementFormat;
import id.gapura.core.agreement.ProviderKeys;
import id.gapura.core.agreement.ProviderKeys.SigningKey;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;

@Service
@Command(scope = "agreement", name = "sign",
        description = "Provider side: checks an agreement's JSON and signs it (JWS) for the adopting region")
public class AgreementSignCommand extends ModuleCommandSupport {

    @Option(name = "--key", description = "The provider's private key, <key id>.private.pem from agreement:keygen",
            required = true)
    @Completion(FileCompleter.class)
    String key;

    @Argument(index = 0, name = "agreement", description = "The agreement as JSON (UTF-8)", required = true)
    @Completion(FileCompleter.class)
    String input;

    @Argument(index = 1, name = "output", description = "Where to write the signed agreement (default: the "
            + "input's name with .jws)")
    String output;

    @Reference
    AgreementService agreements;

    @Reference
    AuditLog audit;

    @Override
    protected void run() throws Exception {
        Path jsonFile = agreements.resolve(input);
        Path keyFile = agreements.resolve(key);
        String json;
        SigningKey signingKey;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(jsonFile))).toString();
        } catch (CharacterCodingException e) {
            throw failure(jsonFile + " is not UTF-8 text; save the agreement as UTF-8 JSON.");
        } catch (IOException e) {
            throw failure("Cannot read " + jsonFile + " (" + e.getClass().getSimpleName() + ").");
        }
        try {
            signingKey = ProviderKeys.readSigningKey(keyFile);
        } catch (IOException e) {
            throw failure("Cannot read the key " + keyFile + " (" + e.getClass().getSimpleName() + ").");
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage() + ".");
        }
        String jws = ProviderKeys.sign(json, signingKey);
        Agreement agreement = AgreementFormat.parse(json);
        Path target = output != null ? agreements.resolve(output) : jsonFile.resolveSibling(
                jsonFile.getFileName().toString().replaceFirst("\\.json$", "") + ".jws");
        try {
            Files.writeString(target, jws + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw failure(target + " exists already; nothing was overwritten. Name another output file.");
        } catch (IOException e) {
            throw failure("Cannot write " + target + " (" + e.getClass().getSimpleName() + ").");
        }
        audit.record(actor(), "agreement.sign", null, agreement.number(), AuditOutcome.SUCCEEDED, "signed for "
                + agreement.region() + " with key " + signingKey.keyId() + " into " + target);
        System.out.println("Signed agreement " + agreement.number() + " with key " + signingKey.keyId() + ": "
                + target);
        System.out.println("  " + agreement.provider() + " for " + agreement.region() + ", valid "
                + agreement.validFrom() + " to " + agreement.validUntil());
        System.out.println("  Modules: " + agreement.modules().stream()
                .map(module -> module.id() + " " + module.versions()).collect(Collectors.joining(", ")));
        System.out.println("Send " + target.getFileName() + " to the region; it imports it with agreement:import.");
    }
}
