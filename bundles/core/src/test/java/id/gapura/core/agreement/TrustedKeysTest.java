package id.gapura.core.agreement;

import id.gapura.core.agreement.TrustedKeys.TrustedKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedKeysTest {

    @TempDir
    Path folder;

    @Test
    void readsPemPublicKeysNamedByProviderAndReportsEveryOtherFile() throws Exception {
        KeyPair ec = Documents.ecKeyPair();
        KeyPair rsa = Documents.rsaKeyPair();
        Files.writeString(folder.resolve("3671-diskominfo-2026.pem"),
                "Kota Tangerang, Diskominfo, 2026\n" + TrustedKeys.pem(ec.getPublic()));
        Files.writeString(folder.resolve("36-banten.pem"), TrustedKeys.pem(rsa.getPublic()));
        Files.writeString(folder.resolve("tangerang.pem"), TrustedKeys.pem(ec.getPublic()));
        Files.writeString(folder.resolve("3671-secret.private.pem"),
                TrustedKeys.pem("PRIVATE KEY", ec.getPrivate().getEncoded()));
        Files.writeString(folder.resolve("3671-broken.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        Files.writeString(folder.resolve("README.txt"), "not a key");

        TrustedKeys keys = TrustedKeys.load(folder);

        assertEquals(List.of("36-banten", "3671-diskominfo-2026"), keys.keys().stream().map(TrustedKey::id).toList());
        TrustedKey tangerang = keys.byId("3671-diskominfo-2026").orElseThrow();
        assertEquals("3671", tangerang.providerCode());
        assertEquals("EC P-256", tangerang.description());
        assertEquals(43, tangerang.thumbprint().length());
        assertEquals("RSA 2048", keys.byId("36-banten").orElseThrow().description());
        List<String> problems = keys.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("3671-broken.pem: the PEM block is neither"), problems.get(0));
        assertTrue(problems.get(1).startsWith("3671-secret.private.pem: holds a PRIVATE key: delete it"), problems.get(1));
        assertTrue(problems.get(2).startsWith("tangerang.pem: the file name must be <provider code>-<label>.pem"),
                problems.get(2));
    }

    @Test
    void aMissingFolderTrustsNothing() {
        TrustedKeys keys = TrustedKeys.load(folder.resolve("none"));
        assertTrue(keys.keys().isEmpty());
        assertTrue(keys.problems().isEmpty());
    }

    @Test
    void refusesShortRsaKeys() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Files.writeString(folder.resolve("3671-weak.pem"), TrustedKeys.pem(generator.generateKeyPair().getPublic()));
        TrustedKeys keys = TrustedKeys.load(folder);
        assertEquals(List.of("3671-weak.pem: an RSA key must have at least 2048 bits, this one has 1024"),
                keys.problems());
    }

    @Test
    void thumbprintIsTheRfc7638One() throws Exception {
        // RFC 7638, section 3.1: the example RSA key and its thumbprint
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZ"
                + "CiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8"
                + "KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_"
                + "xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        java.security.spec.RSAPublicKeySpec spec = new java.security.spec.RSAPublicKeySpec(
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(n)), java.math.BigInteger.valueOf(65537));
        java.security.PublicKey key = java.security.KeyFactory.getInstance("RSA").generatePublic(spec);
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                TrustedKeys.trusted("3671-rfc", "3671", key, folder).thumbprint());
    }
}
