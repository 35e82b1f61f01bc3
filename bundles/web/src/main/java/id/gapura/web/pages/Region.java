package id.gapura.web.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The region the pages are for (47 regions run the same software under their own names): its name, portal name,
 * logo and colours, from {@code etc/id.gapura.web.pages.cfg}. A colour that is not {@code #rrggbb} falls back to
 * the default, so a typo cannot break the page's CSS.
 */
record Region(String name, String portalName, Path logo, String primaryColour, String accentColour) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    static Region of(PagesConfig config, Path etc) {
        String logo = config.logoFile() == null ? "" : config.logoFile().strip();
        Path logoPath = null;
        if (!logo.isEmpty()) {
            Path candidate = etc.resolve(logo);
            String type = StaticFiles.type(candidate.getFileName().toString());
            if (Files.isRegularFile(candidate) && type != null && type.startsWith("image/")) {
                logoPath = candidate;
            }
        }
        return new Region(bounded(config.regionName(), "Pemerintah Daerah"),
                bounded(config.portalName(), "Layanan Publik"), logoPath,
                colour(config.primaryColour(), "#0b5394"), colour(config.accentColour(), "#f1c232"));
    }

    boolean hasLogo() {
        return logo != null;
    }

    /** The logo's file name, for its content type. */
    String logoName() {
        return logo == null ? null : logo.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** The region's colours as CSS custom properties, which the platform's style sheet uses. */
    String css() {
        return ":root{--warna-utama:" + primaryColour + ";--warna-aksen:" + accentColour + "}\n";
    }

    private static String colour(String value, String fallback) {
        return value != null && COLOUR.matcher(value.strip()).matches() ? value.strip().toLowerCase(Locale.ROOT)
                : fallback;
    }

    private static String bounded(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String stripped = value.strip();
        return stripped.length() > 120 ? stripped.substring(0, 120) : stripped;
    }
}
