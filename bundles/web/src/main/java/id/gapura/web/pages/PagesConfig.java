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

}
