package id.gapura.core.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditTimesTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Test
    void readsDatesAndTimesInTheRegionsZone() {
        assertEquals(Instant.parse("2026-02-28T17:00:00Z"), AuditTimes.parseSince("2026-03-01", WIB));
        assertEquals(Instant.parse("2026-03-01T01:30:00Z"), AuditTimes.parseSince("2026-03-01T08:30", WIB));
        assertEquals(Instant.parse("2026-03-01T00:30:00Z"), AuditTimes.parseSince("2026-03-01T08:30:00+08:00", WIB));
        assertEquals(Instant.parse("2026-02-28T16:00:00Z"), AuditTimes.parseSince("2026-03-01", ZoneId.of("Asia/Makassar")));
        assertEquals("is not a date like 2026-03-01 or a time like 2026-03-01T08:00 (in Asia/Jakarta)",
                assertThrows(IllegalArgumentException.class, () -> AuditTimes.parseSince("01/03/2026", WIB))
                        .getMessage().substring("'01/03/2026' ".length()));
    }

    @Test
    void showsInstantsInTheRegionsZone() {
        assertEquals("2026-03-01 07:00:05", AuditTimes.format(Instant.parse("2026-03-01T00:00:05Z"), WIB));
    }
}
