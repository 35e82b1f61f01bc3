package id.gapura.permits.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PermitValidityTest {

    private final PermitValidity yearRenewable = new PermitValidity(Optional.of(12), true, 30);

    @Test
    void validForTheMonthsUpToTheDayBefore() {
        assertEquals(Optional.of(LocalDate.of(2027, 3, 1)),
                yearRenewable.validUntil(LocalDate.of(2026, 3, 2), Optional.empty()));
        assertEquals(Optional.empty(), new PermitValidity(Optional.empty(), false, 0)
                .validUntil(LocalDate.of(2026, 3, 2), Optional.empty()), "a building approval does not expire");
    }

    @Test
    void anEarlyRenewalContinuesFromTheOldExpiry() {
        assertEquals(Optional.of(LocalDate.of(2027, 12, 31)),
                yearRenewable.validUntil(LocalDate.of(2026, 12, 10), Optional.of(LocalDate.of(2026, 12, 31))));
        // renewed on the expiry day itself: the new period starts the next day
        assertEquals(Optional.of(LocalDate.of(2027, 12, 31)),
                yearRenewable.validUntil(LocalDate.of(2026, 12, 31), Optional.of(LocalDate.of(2026, 12, 31))));
    }

    @Test
    void renewalOnlyInTheWindowBeforeExpiry() {
        Optional<LocalDate> expiry = Optional.of(LocalDate.of(2026, 12, 31));
        assertEquals("renewal opens on 2026-12-01, 30 days before the permit expires on 2026-12-31",
                yearRenewable.renewalRefusal(expiry, LocalDate.of(2026, 11, 30)).orElseThrow());
        assertEquals(Optional.empty(), yearRenewable.renewalRefusal(expiry, LocalDate.of(2026, 12, 1)));
        assertEquals(Optional.empty(), yearRenewable.renewalRefusal(expiry, LocalDate.of(2026, 12, 31)));
        assertEquals("the permit expired on 2026-12-31; file a new application",
                yearRenewable.renewalRefusal(expiry, LocalDate.of(2027, 1, 1)).orElseThrow());
        assertTrue(new PermitValidity(Optional.of(6), false, 0).renewalRefusal(expiry, LocalDate.of(2026, 12, 20))
                .orElseThrow().startsWith("permits of this type are not renewed"));
    }

    @Test
    void inconsistentSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PermitValidity(Optional.empty(), true, 30));
        assertThrows(IllegalArgumentException.class, () -> new PermitValidity(Optional.of(0), false, 0));
        assertThrows(IllegalArgumentException.class, () -> new PermitValidity(Optional.of(12), true, -1));
    }
}
