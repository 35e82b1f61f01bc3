package id.gapura.permits.internal;

import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * Registration numbers of applications, such as {@code IZN-2026-7K3M9QXD}, printed on the applicant's receipt
 * (tanda terima): the year, then eight random characters without look-alikes (no I, L, O, U), so that the
 * number can be read over the phone and cannot be guessed to follow someone else's application.
 */
public final class RegistrationNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String next(LocalDate today) {
        StringBuilder number = new StringBuilder("IZN-").append(today.getYear()).append('-');
        for (int i = 0; i < 8; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }

    public static boolean looksValid(String candidate) {
        return candidate != null && candidate.matches("IZN-\\d{4}-[0-9A-HJKMNP-TV-Z]{8}");
    }
}
