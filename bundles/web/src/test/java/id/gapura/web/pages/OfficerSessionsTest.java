package id.gapura.web.pages;

import id.gapura.api.spi.AccessToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfficerSessionsTest {

    private static final Instant START = Instant.parse("2026-12-07T01:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);

    private static AccessToken session(Instant lastUsed) {
        return new AccessToken("t1", "ani", OfficerSessions.LABEL, START, "ani", START.plus(Duration.ofHours(8)),
                null, lastUsed);
    }

    @Test
    void aSessionEndsAfterItsIdleTimeCountedFromItsLastUseOrItsStart() {
        assertFalse(OfficerSessions.idleTooLong(session(null), START.plus(Duration.ofMinutes(29)), IDLE));
        assertTrue(OfficerSessions.idleTooLong(session(null), START.plus(Duration.ofMinutes(31)), IDLE));
        Instant used = START.plus(Duration.ofHours(2));
        assertFalse(OfficerSessions.idleTooLong(session(used), used.plus(Duration.ofMinutes(29)), IDLE),
                "a use restarts the idle time");
        assertTrue(OfficerSessions.idleTooLong(session(used), used.plus(Duration.ofMinutes(31)), IDLE));
    }

    @Test
    void theConfiguredLimitsAreBounded() {
        OfficerSessions sessions = new OfficerSessions(null, null, null, Clock.systemUTC());
        sessions.configure(MapSettingsTest.config("", "", "#000000"));
        assertEquals(Duration.ofHours(8), sessions.validity());
        assertEquals(Duration.ofMinutes(30), sessions.idle());
        sessions.configure(new LimitsConfig(999, 1));
        assertEquals(Duration.ofHours(24), sessions.validity(), "at most a day");
        assertEquals(Duration.ofMinutes(5), sessions.idle(), "at least five minutes");
    }

    /** The settings of {@link MapSettingsTest} with other session limits. */
    private record LimitsConfig(int hours, int idleMinutes) implements PagesConfig {
        private static final PagesConfig BASE = MapSettingsTest.config("", "", "#000000");

        public Class<? extends java.lang.annotation.Annotation> annotationType() { return PagesConfig.class; }
        public String regionName() { return BASE.regionName(); }
        public String portalName() { return BASE.portalName(); }
        public String logoFile() { return BASE.logoFile(); }
        public String primaryColour() { return BASE.primaryColour(); }
        public String accentColour() { return BASE.accentColour(); }
        public int sessionHours() { return hours; }
        public int sessionIdleMinutes() { return idleMinutes; }
        public String mapTileUrl() { return BASE.mapTileUrl(); }
        public String mapAttribution() { return BASE.mapAttribution(); }
        public String mapCentre() { return BASE.mapCentre(); }
        public int mapZoom() { return BASE.mapZoom(); }
    }
}
