package id.gapura.web.pages;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The map of the forms' location picker: its tile server (whose origin the pages' Content-Security-Policy then
 * allows for images, and nothing else), credit, centre and zoom. A setting that is not well formed turns the map
 * off rather than break a page; the forms work without it.
 */
record MapSettings(String tileUrl, String tileOrigin, String attribution, String latitude, String longitude,
                   int zoom) {

    static final MapSettings OFF = new MapSettings("", "", "", "", "", 0);

    static MapSettings of(PagesConfig config) {
        String url = config.mapTileUrl() == null ? "" : config.mapTileUrl().strip();
        String[] centre = config.mapCentre() == null ? new String[0] : config.mapCentre().split(",");
        if (url.isEmpty() || url.length() > 300 || !url.contains("{z}") || !url.contains("{x}")
                || !url.contains("{y}") || centre.length != 2) {
            return OFF;
        }
        try {
            URI uri = URI.create(url.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return OFF;
            }
            double latitude = Double.parseDouble(centre[0].strip());
            double longitude = Double.parseDouble(centre[1].strip());
            if (Math.abs(latitude) > 85 || Math.abs(longitude) > 180) {
                return OFF;
            }
            String origin = scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            String attribution = config.mapAttribution() == null ? "" : config.mapAttribution().strip();
            return new MapSettings(url, origin, attribution.length() > 200 ? attribution.substring(0, 200)
                    : attribution, Double.toString(latitude), Double.toString(longitude),
                    Math.min(18, Math.max(10, config.mapZoom())));
        } catch (IllegalArgumentException e) {
            return OFF;
        }
    }

    boolean on() {
        return !tileUrl.isEmpty();
    }

    /** What templates read as {@code map}: the location picker component renders nothing when it is off. */
    Map<String, Object> model() {
        return Map.of("on", on(), "tiles", tileUrl, "attribution", attribution, "latitude", latitude,
                "longitude", longitude, "zoom", zoom);
    }
}
