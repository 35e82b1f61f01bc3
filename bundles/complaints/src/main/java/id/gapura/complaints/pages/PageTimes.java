package id.gapura.complaints.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Instants as a citizen or officer reads them: in the region's zone, with its Indonesian abbreviation. */
final class PageTimes {

    private static final Map<String, String> ZONES = Map.of("Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB",
            "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

    private PageTimes() {
    }

    static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH.mm", locale).format(instant.atZone(zone)) + " "
                + ZONES.getOrDefault(zone.getId(), zone.getId());
    }

    static String date(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(instant.atZone(zone));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
