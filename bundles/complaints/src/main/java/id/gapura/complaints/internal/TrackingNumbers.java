package id.gapura.complaints.internal;

import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * Tracking numbers such as {@code ADU-2026-7K3M9QXD}: the year, then eight random characters of an
 * alphabet without look-alikes (no I, L, O, U), so a number read over the phone is not mistaken and
 * cannot be guessed to look up someone else's report.
 */
public final class TrackingNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int RANDOM_LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    String next(LocalDate today) {
        StringBuilder number = new StringBuilder("ADU-").append(today.getYear()).append('-');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }

    public static boolean looksValid(String candidate) {
        return candidate != null && candidate.matches("ADU-\\d{4}-[0-9A-HJKMNP-TV-Z]{8}");
    }
}
