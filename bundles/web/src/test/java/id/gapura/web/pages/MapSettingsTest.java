package id.gapura.web.pages;

import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapSettingsTest {

    static PagesConfig config(String tiles, String centre, String primaryColour) {
        return new PagesConfig() {
            public Class<? extends Annotation> annotationType() { return PagesConfig.class; }
            public String regionName() { return "Kota Contoh"; }
            public String portalName() { return "Contoh LIVE"; }
            public String logoFile() { return "missing.svg"; }
            public String primaryColour() { return primaryColour; }
            public String accentColour() { return "#ffcc00"; }
            public int sessionHours() { return 8; }
            public int sessionIdleMinutes() { return 30; }
            public String mapTileUrl() { return tiles; }
            public String mapAttribution() { return "credit"; }
            public String mapCentre() { return centre; }
            public int mapZoom() { return 99; }
        };
    }

    @Test
    void aWellFormedTileServerTurnsTheMapOnAndOnlyItsOriginIsAllowed() {
        MapSettings map = MapSettings.of(config("https://peta.contoh.go.id:8443/tiles/{z}/{x}/{y}.png",
                "-6.2, 106.8", "#0b5394"));
        assertTrue(map.on());
        assertEquals("https://peta.contoh.go.id:8443", map.tileOrigin());
        assertEquals(18, map.zoom(), "zoom bounded");
    }

    @Test
    void anythingElseTurnsItOff() {
        for (String tiles : new String[]{"", "javascript:alert(1)/{z}/{x}/{y}", "https://x.example/{z}/{x}.png",
                "ftp://x.example/{z}/{x}/{y}", "https:// bad host/{z}/{x}/{y}"}) {
            assertFalse(MapSettings.of(config(tiles, "-6.2,106.8", "#000000")).on(), tiles);
        }
        assertFalse(MapSettings.of(config("https://t.example/{z}/{x}/{y}", "north", "#000000")).on());
        assertFalse(MapSettings.of(config("https://t.example/{z}/{x}/{y}", "95,200", "#000000")).on());
    }

    @Test
    void aRegionsColourThatIsNoColourFallsBackAndAMissingLogoIsNone() {
        Region region = Region.of(config("", "", "red;} body{display:none"), java.nio.file.Path.of("."));
        assertEquals("#0b5394", region.primaryColour());
        assertEquals(":root{--warna-utama:#0b5394;--warna-aksen:#ffcc00}\n", region.css());
        assertFalse(region.hasLogo());
        assertEquals("Contoh LIVE", region.portalName());
    }
}
