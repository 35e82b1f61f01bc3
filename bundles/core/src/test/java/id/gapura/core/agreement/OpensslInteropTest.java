package id.gapura.core.agreement;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An agreement made with nothing but the openssl command line (key pair, then a JWS built by hand: base64url
 * header and payload, RS256 signature over "header.payload"), as a provider without any JOSE library could.
 */
class OpensslInteropTest {

    @TempDir
    Path work;

    @Test
    void acceptsAnAgreementSignedWithOpensslAlone() throws Exception {
        Assumptions.assumeTrue(opensslAvailable(), "openssl is not installed");
        Path privateKey = work.resolve("provider.pem");
        Path keys = Files.createDirectory(work.resolve("trusted-keys"));
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", privateKey.toString());
        openssl("pkey", "-in", privateKey.toString(), "-pubout", "-out", keys.resolve("3671-openssl.pem").toString());

        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64url.encodeToString("{\"alg\":\"RS256\",\"kid\":\"3671-openssl\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + base64url.encodeToString(
                Documents.validJson().getBytes(StandardCharsets.UTF_8));
        Path input = Files.writeString(work.resolve("input"), signingInput);
        Path signature = work.resolve("signature");
        openssl("dgst", "-sha256", "-sign", privateKey.toString(), "-out", signature.toString(), input.toString());
        String jws = signingInput + "." + base64url.encodeToString(Files.readAllBytes(signature));

        AgreementVerifier.Accepted accepted = AgreementVerifier.verifyForImport(jws, TrustedKeys.load(keys),
                Documents.rules());
        assertEquals("3671-openssl", accepted.signed().key().id());
        assertEquals(List.of(), accepted.warnings());
    }

    private static boolean opensslAvailable() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void openssl(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
