package id.gapura.complaints.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three SP4N-LAPOR! report classes, each with a stable lowercase code for storage and APIs. */
public enum ReportClass {
    ASPIRASI("aspirasi"),
    PENGADUAN("pengaduan"),
    PERMINTAAN_INFORMASI("permintaan_informasi");

    private final String code;

    ReportClass(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Accepts the code in any letter case, surrounded by whitespace or not. */
    public static ReportClass fromCode(String code) {
        if (code != null) {
            String normalized = code.trim().toLowerCase(Locale.ROOT);
            for (ReportClass reportClass : values()) {
                if (reportClass.code.equals(normalized)) {
                    return reportClass;
                }
            }
        }
        throw new IllegalArgumentException("Unknown report class '" + code + "': valid codes are "
                + Arrays.stream(values()).map(ReportClass::code).collect(Collectors.joining(", ")) + ".");
    }
}
