package id.gapura.web.pages;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The region's pages: its name and colours on the portal, and the officers' sessions. */
@ObjectClassDefinition(name = "Gapura pages", description = "The citizen portal at / and the officer back office")
public @interface PagesConfig {

    String PID = "id.gapura.web.pages";

    @AttributeDefinition(description = "The region's name as citizens know it, at the top of every page")
    String regionName() default "Pemerintah Kabupaten Contoh";

    @AttributeDefinition(description = "The portal's name (the region's \"super app\"), in the browser's title bar")
    String portalName() default "Layanan Publik Terpadu";

    @AttributeDefinition(description = "The region's logo: an SVG or PNG file, absolute or relative to Karaf's etc/ "
            + "folder; empty shows the name only")
    String logoFile() default "";

    @AttributeDefinition(description = "Main colour (#rrggbb) of the header and buttons; white text must be readable "
            + "on it (WCAG AA contrast 4.5:1)")
    String primaryColour() default "#0b5394";

    @AttributeDefinition(description = "Colour (#rrggbb) of the line under the header")
    String accentColour() default "#f1c232";

    @AttributeDefinition(description = "How long an officer's back-office session lasts at most, in hours (1-24)")
    int sessionHours() default 8;

    @AttributeDefinition(description = "An officer's session ends after this many minutes without a request (5-240)")
    int sessionIdleMinutes() default 30;


    @AttributeDefinition(description = "Map tiles for choosing a location on forms ({z}/{x}/{y} URL of an XYZ tile "
            + "server, https); empty turns the map off (forms then take the address only). The region's own or a "
            + "commercial server in production: tile.openstreetmap.org allows light use only")
    String mapTileUrl() default "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    @AttributeDefinition(description = "Credit shown on the map, as the tile server's licence requires")
    String mapAttribution() default "\u00a9 OpenStreetMap contributors";

    @AttributeDefinition(description = "Where the map opens: latitude,longitude of the region's centre")
    String mapCentre() default "-6.1754,106.8272";

    @AttributeDefinition(description = "The map's opening zoom level (10-18)")
    int mapZoom() default 14;
}
