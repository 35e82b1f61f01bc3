package id.gapura.core.agreement;

import id.gapura.core.agreement.ProviderKeys.Created;
import id.gapura.core.agreement.ProviderKeys.KeyType;
import id.gapura.core.agreement.ProviderKeys.SigningKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider's side: keys from agreement:keygen sign agreements that any JOSE library verifies. */
class ProviderKeysTest {

    @TempDir
    Path provider;

    @TempDir
    Path region;

    @Test
    void keygenAndSignProduceAnAgreementTheRegionAccepts() throws Exception {
        Created created = ProviderKeys.generate(ProviderKeys.keyId("36.71", "diskominfo-2026"), KeyType.ES256, provider);
        assertEquals(provider.resolve("3671-diskominfo-2026.private.pem"), created.privateKeyFile());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created.privateKeyFile())));
        assertThrows(FileAlreadyExistsException.class,
                () -> ProviderKeys.generate("3671-diskominfo-2026", KeyType.ES256, provider));

        SigningKey key = ProviderKeys.readSigningKey(created.privateKeyFile());
        String jws = ProviderKeys.sign(Documents.validJson(), key);

        Files.copy(created.publicKeyFile(), region.resolve(created.publicKeyFile().getFileName()));
        TrustedKeys trusted = TrustedKeys.load(region);
        assertEquals(created.trusted().thumbprint(), trusted.byId("3671-diskominfo-2026").orElseThrow().thumbprint());
        AgreementVerifier.Accepted accepted = AgreementVerifier.verifyForImport(jws, trusted, Documents.rules());
        assertEquals("180/PKS.12-Diskominfo/2026", accepted.agreement().number());

        // an independent implementation verifies what Gapura signed
        JsonWebSignature verifier = new JsonWebSignature();
        verifier.setCompactSerialization(jws);
        verifier.setKey(trusted.keys().get(0).key());
        assertTrue(verifier.verifySignature());
        assertEquals("ES256", verifier.getAlgorithmHeaderValue());
        assertEquals("3671-diskominfo-2026", verifier.getKeyIdHeaderValue());
        assertEquals(Documents.validJson(), verifier.getPayload());
    }

    @Test
    void rsaKeysSignWithRs256() throws Exception {
        Created created = ProviderKeys.generate("3671-rsa", KeyType.RS256, provider);
        String jws = ProviderKeys.sign(Documents.validJson(), ProviderKeys.readSigningKey(created.privateKeyFile()));
        assertTrue(jws.startsWith("eyJraWQiOiIzNjcxLXJzYSIsImFsZyI6IlJTMjU2In0.")
                || jws.startsWith("eyJhbGciOiJSUzI1NiIsImtpZCI6IjM2NzEtcnNhIn0."), jws);
        assertEquals("RSA 3072", created.trusted().description());
        AgreementVerifier.verify(jws, TrustedKeys.of(provider, List.of(created.trusted())));
    }

    @Test
    void signRefusesAnAgreementOfAnotherProviderOrMalformed() throws Exception {
        Created created = ProviderKeys.generate("3273-bandung", KeyType.ES256, provider);
        SigningKey key = ProviderKeys.readSigningKey(created.privateKeyFile());
        assertEquals("Key '3273-bandung' signs for provider 3273, but agreement 180/PKS.12-Diskominfo/2026 names "
                        + "provider Pemerintah Kota Tangerang (3671). Use the provider's own key.",
                assertThrows(AgreementRefusedException.class, () -> ProviderKeys.sign(Documents.validJson(), key))
                        .getMessage());
        assertTrue(assertThrows(AgreementRefusedException.class, () -> ProviderKeys.sign("{}", key)).getMessage()
                .startsWith("Malformed agreement: 'number' is missing; "));
    }

    @Test
    void keyIdsNameTheProvider() {
        assertEquals("3671-diskominfo-2026", ProviderKeys.keyId("3671", "diskominfo-2026"));
        assertThrows(IllegalArgumentException.class, () -> ProviderKeys.keyId("Tangerang", "x"));
        assertThrows(IllegalArgumentException.class, () -> ProviderKeys.keyId("3671", "a/b"));
    }
}
