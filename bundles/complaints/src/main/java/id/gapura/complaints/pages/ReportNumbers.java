package id.gapura.complaints.pages;

import java.util.Locale;
import java.util.regex.Pattern;

/** The shape of a complaint's tracking number ({@code ADU-2026-7K3M9QXZ}), as citizens type it. */
final class ReportNumbers {

    private static final Pattern NUMBER = Pattern.compile("ADU-\\d{4}-[0-9A-HJKMNP-TV-Z]{8}");

    private ReportNumbers() {
    }

    static boolean looksValid(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }

    /** Upper case and stripped; a citizen reading it off a screen types it in any case. */
    static String normalized(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    }
}
