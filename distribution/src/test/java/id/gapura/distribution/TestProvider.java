package id.gapura.distribution;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A provider city as the tests play it: a key pair the test creates (never a key from the repository), and
 * agreements signed with jose4j, a JOSE implementation independent of Gapura's own code. The region trusts the
 * provider once its public key is in the installation's etc/gapura/trusted-keys/.
 */
final class TestProvider {

    static final String TANGERANG = "3671";
    static final String KARAWANG = "3215";

    final String keyId;
    private final KeyPair keys;

    TestProvider(String keyId) {
        this.keyId = keyId;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kota Tangerang with a fresh key. */
    static TestProvider tangerang() {
        return new TestProvider(TANGERANG + "-test-" + Long.toHexString(System.nanoTime()));
    }

    /** Puts the public key into the installation's trusted keys. */
    TestProvider trustedBy(GapuraInstance gapura) throws IOException {
        gapura.write("etc/gapura/trusted-keys/" + keyId + ".pem", publicKeyPem());
        return this;
    }

    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The agreement JSON between Kota Tangerang and Kabupaten Karawang. */
    static String agreement(String number, LocalDate signedOn, LocalDate validFrom, LocalDate validUntil, String modules) {
        return """
                {
                  "number": "%s",
                  "provider": {"name": "Pemerintah Kota Tangerang", "code": "%s"},
                  "region": {"name": "Pemerintah Kabupaten Karawang", "code": "%s"},
                  "signedOn": "%s",
                  "validFrom": "%s",
                  "validUntil": "%s",
                  "modules": %s
                }
                """.formatted(number, TANGERANG, KARAWANG, signedOn, validFrom, validUntil, modules);
    }

    /** An agreement in force today covering the modules, any 0.x version. */
    static String covering(String number, String... moduleIds) {
        LocalDate today = LocalDate.now();
        StringBuilder modules = new StringBuilder("[");
        for (String id : moduleIds) {
            modules.append(modules.length() > 1 ? ", " : "").append("{\"id\": \"").append(id)
                    .append("\", \"versions\": \"[0.1,1)\"}");
        }
        return agreement(number, today.minusDays(20), today.minusDays(10), today.plusYears(2), modules + "]");
    }

    /** Compact JWS, ES256, with this provider's key id, signed by jose4j. */
    String sign(String json) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(json);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(keyId);
        jws.setKey(keys.getPrivate());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Trusts this provider, then imports an agreement covering the modules, as an administrator would before
     * installing them (module:install refuses a module that no agreement covers).
     */
    static void cover(GapuraInstance gapura, String... moduleIds) throws IOException {
        TestProvider provider = tangerang().trustedBy(gapura);
        Path file = gapura.write("agreements/test-agreement.jws",
                provider.sign(covering("900/PKS.TEST/" + LocalDate.now().getYear(), moduleIds)));
        GapuraInstance.Shell imported = gapura.console("agreement:import " + file);
        assertEquals(0, imported.exitStatus(), imported.output());
    }
}
