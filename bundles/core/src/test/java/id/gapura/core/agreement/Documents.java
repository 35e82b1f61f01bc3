package id.gapura.core.agreement;

import id.gapura.core.agreement.TrustedKeys.TrustedKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.osgi.framework.Version;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Agreements, keys and signatures for the tests; signing is done by jose4j, an independent JOSE library. */
final class Documents {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Path FOLDER = Path.of("etc/gapura/trusted-keys");
    static final Map<String, List<Version>> CATALOG = Map.of(
            "complaints", List.of(Version.parseVersion("0.1.0.SNAPSHOT")),
            "permits", List.of(Version.parseVersion("0.2.0"), Version.parseVersion("0.1.0")));

    private Documents() {
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static TrustedKeys trusting(String keyId, KeyPair pair) {
        TrustedKey key = TrustedKeys.trusted(keyId, keyId.substring(0, keyId.indexOf('-')), pair.getPublic(),
                FOLDER.resolve(keyId + ".pem"));
        return TrustedKeys.of(FOLDER, List.of(key));
    }

    static String json(String validFrom, String validUntil, String modules) {
        return """
                {
                  "number": "180/PKS.12-Diskominfo/2026",
                  "mou": "119/MoU.03-Pem/2025",
                  "provider": {"name": "Pemerintah Kota Tangerang", "code": "36.71"},
                  "region": {"name": "Pemerintah Kabupaten Karawang", "code": "3215"},
                  "signedOn": "2026-01-15",
                  "validFrom": "%s",
                  "validUntil": "%s",
                  "modules": %s
                }""".formatted(validFrom, validUntil, modules);
    }

    static String validJson() {
        return json("2026-02-01", "2028-01-31",
                "[{\"id\": \"complaints\", \"versions\": \"[0.1,1)\", \"config\": {\"zone\": \"Asia/Jakarta\"}}]");
    }

    /** Signed by jose4j. */
    static String sign(String json, KeyPair pair, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(json);
        jws.setAlgorithmHeaderValue(pair.getPrivate().getAlgorithm().equals("EC")
                ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256
                : AlgorithmIdentifiers.RSA_USING_SHA256);
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        jws.setKey(pair.getPrivate());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static AgreementVerifier.ImportRules rules() {
        return new AgreementVerifier.ImportRules(new java.util.TreeMap<>(CATALOG), Optional.of("3215"), TODAY,
                "Asia/Jakarta");
    }
}
