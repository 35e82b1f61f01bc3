package id.gapura.budgeting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code structure of Permendagri 90/2019: which level a dotted code is at, whether it is well formed and which
 * code is its parent. Pure functions; whether the parent exists is the importer's business.
 */
public final class Codes {

    /** The kinds of reference data an administrator imports. */
    public enum Kind {
        AGENCIES, PROGRAMMES, ACCOUNTS;

        public static Optional<Kind> of(String name) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        public String id() {
            return name().toLowerCase();
        }
    }

    /** Programme levels by number of segments: urusan 1, bidang 2, program 3, kegiatan 5, sub kegiatan 6. */
    public static final String URUSAN = "urusan";
    public static final String BIDANG = "bidang";
    public static final String PROGRAM = "program";
    public static final String KEGIATAN = "kegiatan";
    public static final String SUB_KEGIATAN = "subkegiatan";

    private static final Pattern URUSAN_CODE = Pattern.compile("[1-9X]");
    private static final Pattern BIDANG_CODE = Pattern.compile("[1-9X]\\.\\d{2}");
    private static final Pattern PROGRAM_CODE = Pattern.compile("[1-9X]\\.\\d{2}\\.\\d{2}");
    private static final Pattern KEGIATAN_CODE = Pattern.compile("[1-9X]\\.\\d{2}\\.\\d{2}\\.[12]\\.\\d{2}");
    private static final Pattern SUB_KEGIATAN_CODE = Pattern.compile("[1-9X]\\.\\d{2}\\.\\d{2}\\.[12]\\.\\d{2}\\.(\\d{2}|\\d{4})");
    private static final Pattern[] ACCOUNT_CODES = {
            Pattern.compile("[4-6]"),
            Pattern.compile("[4-6]\\.\\d"),
            Pattern.compile("[4-6]\\.\\d\\.\\d{2}"),
            Pattern.compile("[4-6]\\.\\d\\.\\d{2}\\.\\d{2}"),
            Pattern.compile("[4-6]\\.\\d\\.\\d{2}\\.\\d{2}\\.\\d{2}"),
            Pattern.compile("[4-6]\\.\\d\\.\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}")};
    private static final Pattern AGENCY_CODE = Pattern.compile("[1-9X]\\.\\d{2}(\\.[0-9]+)+");

    private Codes() {
    }

    /** The programme level of a well-formed code, or empty with the reason in {@link #programmeProblem}. */
    public static Optional<String> programmeLevel(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (URUSAN_CODE.matcher(code).matches()) {
            return Optional.of(URUSAN);
        }
        if (BIDANG_CODE.matcher(code).matches()) {
            return Optional.of(BIDANG);
        }
        if (PROGRAM_CODE.matcher(code).matches()) {
            return Optional.of(PROGRAM);
        }
        if (KEGIATAN_CODE.matcher(code).matches()) {
            return Optional.of(KEGIATAN);
        }
        if (SUB_KEGIATAN_CODE.matcher(code).matches()) {
            return Optional.of(SUB_KEGIATAN);
        }
        return Optional.empty();
    }

    public static String programmeFormats() {
        return "urusan 1, bidang urusan 1.01, program 1.01.02, kegiatan 1.01.02.2.01, sub kegiatan 1.01.02.2.01.0001";
    }

    /** The code one level up; a kegiatan's parent is its program (the 2./1. kind segment belongs to the kegiatan). */
    public static Optional<String> programmeParent(String code) {
        String level = programmeLevel(code).orElseThrow(() -> new IllegalArgumentException("not a programme code: " + code));
        return switch (level) {
            case URUSAN -> Optional.empty();
            case KEGIATAN -> Optional.of(dropSegments(code, 2));
            default -> Optional.of(dropSegments(code, 1));
        };
    }

    /** The account level 1..6 of a well-formed account code, or 0. */
    public static int accountLevel(String code) {
        if (code != null) {
            for (int i = 0; i < ACCOUNT_CODES.length; i++) {
                if (ACCOUNT_CODES[i].matcher(code).matches()) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    public static String accountFormats() {
        return "akun 5, kelompok 5.1, jenis 5.1.02, objek 5.1.02.01, rincian objek 5.1.02.01.01, sub rincian objek 5.1.02.01.01.0024";
    }

    public static Optional<String> accountParent(String code) {
        int level = accountLevel(code);
        if (level == 0) {
            throw new IllegalArgumentException("not an account code: " + code);
        }
        return level == 1 ? Optional.empty() : Optional.of(dropSegments(code, 1));
    }

    /**
     * The account's path through the six levels, from its akun down to itself, each code the parent of the next:
     * {@code 5.1.02.01.01.0024} → {@code 5, 5.1, 5.1.02, 5.1.02.01, 5.1.02.01.01, 5.1.02.01.01.0024}.
     */
    public static List<String> accountPath(String code) {
        List<String> path = new ArrayList<>();
        for (Optional<String> at = Optional.of(code); at.isPresent(); at = accountParent(at.get())) {
            path.add(0, at.get());
        }
        return List.copyOf(path);
    }

    public static boolean isAgencyCode(String code) {
        return code != null && AGENCY_CODE.matcher(code).matches();
    }

    /** The bidang urusan an agency code starts with ({@code 1.01.0.00.0.00.01.0000} → {@code 1.01}). */
    public static String agencyBidang(String code) {
        String[] segments = code.split("\\.");
        return segments[0] + "." + segments[1];
    }

    /** The program a sub kegiatan or kegiatan belongs to. */
    public static String programOf(String code) {
        String[] segments = code.split("\\.");
        return segments[0] + "." + segments[1] + "." + segments[2];
    }

    public static String kegiatanOf(String subKegiatan) {
        return dropSegments(subKegiatan, 1);
    }

    public static String bidangOf(String code) {
        String[] segments = code.split("\\.");
        return segments[0] + "." + segments[1];
    }

    /** The account group a line counts under in recapitulations: the jenis (third level), e.g. 5.1.02. */
    public static String accountGroupOf(String account) {
        String[] segments = account.split("\\.");
        return segments.length < 3 ? account : segments[0] + "." + segments[1] + "." + segments[2];
    }

    private static String dropSegments(String code, int count) {
        String result = code;
        for (int i = 0; i < count; i++) {
            result = result.substring(0, result.lastIndexOf('.'));
        }
        return result;
    }
}
