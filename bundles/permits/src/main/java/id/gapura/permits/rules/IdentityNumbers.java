package id.gapura.permits.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of Indonesian identity numbers. Each check answers empty when the number is plausible, else what is
 * wrong with it, in words for the person who typed it.
 */
public final class IdentityNumbers {

    /**
     * Province codes of the Kemendagri area codes (Permendagri on kode wilayah): Aceh 11 to Papua Barat Daya 96.
     * A NIK starts with the code of the province where it was first issued.
     */
    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15, 16, 17, 18, 19, 21,
            31, 32, 33, 34, 35, 36,
            51, 52, 53,
            61, 62, 63, 64, 65,
            71, 72, 73, 74, 75, 76,
            81, 82,
            91, 92, 93, 94, 95, 96);

    private IdentityNumbers() {
    }

    /**
     * A NIK (Nomor Induk Kependudukan): 16 digits = province (2), regency or city (2), district (2), date of
     * birth DDMMYY with 40 added to the day for women (6), serial number (4).
     */
    public static Optional<String> checkNik(String nik) {
        if (nik == null || !nik.matches("\\d{16}")) {
            return Optional.of("a NIK has exactly 16 digits");
        }
        int province = Integer.parseInt(nik.substring(0, 2));
        if (!PROVINCES.contains(province)) {
            return Optional.of("starts with " + nik.substring(0, 2) + ", which is not a province code");
        }
        if (nik.startsWith("00", 2)) {
            return Optional.of("digits 3-4 (regency or city) cannot be 00");
        }
        if (nik.startsWith("00", 4)) {
            return Optional.of("digits 5-6 (district) cannot be 00");
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int year = Integer.parseInt(nik.substring(10, 12));
        if (day > 40) {
            day -= 40;
        }
        if (!isDate(day, month, 1900 + year) && !isDate(day, month, 2000 + year)) {
            return Optional.of("digits 7-12 are not a date of birth (DDMMYY, 40 added to the day for women)");
        }
        if (nik.endsWith("0000")) {
            return Optional.of("the last 4 digits (serial number) cannot be 0000");
        }
        return Optional.empty();
    }

    /** A NIB (Nomor Induk Berusaha) from OSS: 13 digits. */
    public static Optional<String> checkNib(String nib) {
        if (nib == null || !nib.matches("\\d{13}")) {
            return Optional.of("a NIB has exactly 13 digits");
        }
        if (nib.chars().allMatch(c -> c == '0')) {
            return Optional.of("a NIB cannot be all zeros");
        }
        return Optional.empty();
    }

    private static boolean isDate(int day, int month, int year) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
