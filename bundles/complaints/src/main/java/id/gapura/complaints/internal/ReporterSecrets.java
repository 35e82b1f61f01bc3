package id.gapura.complaints.internal;

import id.gapura.api.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The reporter's proof that a report is theirs: a secret of 32 random bytes (base64url without padding, 43
 * characters) made at submission and answered once, in the receipt. Only its SHA-256 hash is stored
 * ({@code complaints_report.reporter_secret_hash}), which is enough for a secret of this entropy. Reopening a
 * report and adding the reporter's photo need it, because the tracking number alone is public (Open311 lists
 * every request).
 */
public final class ReporterSecrets {

    /** The request header that carries the secret. */
    public static final String HEADER = "X-Reporter-Secret";
    static final int BYTES = 32;
    /** Longer values are refused before hashing; a secret is 43 characters. */
    static final int MAX_LENGTH = 100;

    private final SecureRandom random = new SecureRandom();

    /** A new secret, to give to the reporter once. */
    String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a secret: its SHA-256, 64 lowercase hex characters. */
    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /**
     * Throws 403 unless {@code given} is the secret of the report.
     *
     * @param what what the reporter is doing, for the message, e.g. "reopen it"
     */
    public static void check(ReportEntity report, String given, String what) {
        String stored = report.reporterSecretHash();
        if (stored == null) {
            throw ProblemException.forbidden("Report " + report.trackingNumber() + " was submitted before reporters "
                    + "received a reporter secret, so nobody can " + what + " through this public endpoint. Contact "
                    + "the region's complaint coordinator, or submit a new report that mentions "
                    + report.trackingNumber() + ".");
        }
        if (given == null || given.isBlank()) {
            throw ProblemException.forbidden("To " + what + ", send the reporter secret you received when you "
                    + "submitted report " + report.trackingNumber() + " in the " + HEADER + " header.");
        }
        String secret = given.strip();
        boolean matches = secret.length() <= MAX_LENGTH
                && MessageDigest.isEqual(sha256(secret), HexFormat.of().parseHex(stored));
        if (!matches) {
            throw ProblemException.forbidden("The " + HEADER + " header is not the reporter secret of report "
                    + report.trackingNumber() + ". To " + what + ", send the reporter secret you received when you "
                    + "submitted the report in the " + HEADER + " header.");
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
