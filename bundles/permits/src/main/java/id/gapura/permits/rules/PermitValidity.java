package id.gapura.permits.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a permit of a type is valid and when it may be renewed.
 *
 * @param validityMonths    months a permit is valid; empty when it is valid without end (e.g. a building approval)
 * @param renewable         whether a holder may ask for renewal (perpanjangan)
 * @param renewalDaysBefore how many days before expiry a renewal may be filed at the earliest
 */
public record PermitValidity(Optional<Integer> validityMonths, boolean renewable, int renewalDaysBefore) {

    public PermitValidity {
        Objects.requireNonNull(validityMonths, "validityMonths");
        validityMonths.ifPresent(months -> {
            if (months < 1) {
                throw new IllegalArgumentException("A validity period is at least 1 month, was " + months);
            }
        });
        if (renewable && validityMonths.isEmpty()) {
            throw new IllegalArgumentException("Only a permit that expires can be renewed");
        }
        if (renewalDaysBefore < 0) {
            throw new IllegalArgumentException("Renewal days must not be negative, was " + renewalDaysBefore);
        }
    }

    /**
     * The last valid day of a permit issued on {@code issuedOn}. A renewal issued before the old permit
     * expires continues from the day after the old expiry, so the holder loses no days.
     */
    public Optional<LocalDate> validUntil(LocalDate issuedOn, Optional<LocalDate> renewedPermitValidUntil) {
        LocalDate start = renewedPermitValidUntil.map(old -> old.plusDays(1))
                .filter(day -> day.isAfter(issuedOn)).orElse(issuedOn);
        return validityMonths.map(months -> start.plusMonths(months).minusDays(1));
    }

    /**
     * Why a permit valid until {@code validUntil} cannot be renewed on {@code today}; empty when it can.
     */
    public Optional<String> renewalRefusal(Optional<LocalDate> validUntil, LocalDate today) {
        if (!renewable || validUntil.isEmpty()) {
            return Optional.of("permits of this type are not renewed; file a new application");
        }
        LocalDate opens = validUntil.get().minusDays(renewalDaysBefore);
        if (today.isBefore(opens)) {
            return Optional.of("renewal opens on " + opens + ", " + renewalDaysBefore + " days before the permit expires on "
                    + validUntil.get());
        }
        if (today.isAfter(validUntil.get())) {
            return Optional.of("the permit expired on " + validUntil.get() + "; file a new application");
        }
        return Optional.empty();
    }
}
