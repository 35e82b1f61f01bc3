package id.gapura.core.internal;

import id.gapura.api.time.WorkingDays;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegionCalendarServiceTest {

    @Test
    void readsZoneAndCommaSeparatedHolidays() {
        WorkingDays days = RegionCalendarService.parse(config("Asia/Makassar", "2026-08-17, 2026-12-25"));
        assertEquals(ZoneId.of("Asia/Makassar"), days.zone());
        assertEquals(Set.of(LocalDate.of(2026, 8, 17), LocalDate.of(2026, 12, 25)), days.calendar().holidays());
    }

    @Test
    void skipsWhatIsNotADateAndFallsBackToJakartaForAnUnknownZone() {
        WorkingDays days = RegionCalendarService.parse(config("WITA", "2026-08-17,17-08-2026,,"));
        assertEquals(ZoneId.of("Asia/Jakarta"), days.zone());
        assertEquals(Set.of(LocalDate.of(2026, 8, 17)), days.calendar().holidays());
    }

    private static RegionCalendarService.Config config(String zone, String... holidays) {
        return new RegionCalendarService.Config() {
            @Override
            public String zone() {
                return zone;
            }

            @Override
            public String[] holidays() {
                return holidays;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return RegionCalendarService.Config.class;
            }
        };
    }
}
