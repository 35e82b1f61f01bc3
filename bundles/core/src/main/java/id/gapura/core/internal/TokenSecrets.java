package id.gapura.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing bearer tokens: {@value #PREFIX} followed by 256 random bits in unpadded base64url (so that
 * secret scanners and people recognise one), stored only as the hex SHA-256 of the whole string. A token is
 * random, not a password: one fast hash suffices, and lets every request find its row by index.
 */
final class TokenSecrets {

    static final String PREFIX = "gpt_";
    static final int SECRET_BYTES = 32;
    static final int ID_BYTES = 8;

    private final SecureRandom random;

    TokenSecrets(SecureRandom random) {
        this.random = random;
    }

    /** A new secret: {@value #PREFIX} and 43 base64url characters. */
    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new public id, 16 hex characters, unrelated to any secret. */
    String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The hex SHA-256 of a secret, as stored. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Whether a string can be a token at all; others are refused without a database look-up. */
    static boolean wellFormed(String secret) {
        if (secret == null || secret.length() != PREFIX.length() + 43 || !secret.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
