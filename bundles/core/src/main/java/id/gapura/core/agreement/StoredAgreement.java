package id.gapura.core.agreement;

import java.time.Instant;
import java.util.Objects;

/**
 * An imported agreement and where it stands now: its signature is verified again against today's trusted
 * keys each time it is read, so removing a provider's key from the trusted folder withdraws its agreements.
 *
 * @param agreement  the agreement as signed
 * @param keyId      the trusted key that verified it at import
 * @param standing   whether it counts today
 * @param problem    why it does not count when {@code standing} is {@link Standing#UNTRUSTED}; empty otherwise
 * @param document   the compact JWS as imported
 * @param importedAt when it was imported
 * @param importedBy who imported it
 */
public record StoredAgreement(Agreement agreement, String keyId, Standing standing, String problem, String document,
                              Instant importedAt, String importedBy) {

    public StoredAgreement {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(problem, "problem");
    }

    public enum Standing {
        /** Verified and in force today: its modules are covered. */
        ACTIVE("active"),
        /** Verified, in force from a later day. */
        NOT_YET_VALID("not yet valid"),
        /** Verified, its last day has passed: its modules keep running but are no longer covered. */
        EXPIRED("expired"),
        /** Its signature no longer verifies with a trusted key (the key was removed, or the stored copy altered). */
        UNTRUSTED("no longer verified");

        private final String label;

        Standing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String number() {
        return agreement.number();
    }

    public boolean active() {
        return standing == Standing.ACTIVE;
    }

    /** The standing with the date that goes with it, short: {@code expired on 2028-01-31}. */
    public String describeStanding() {
        return switch (standing) {
            case ACTIVE -> "active until " + agreement.validUntil();
            case NOT_YET_VALID -> "not yet valid (from " + agreement.validFrom() + ")";
            case EXPIRED -> "expired on " + agreement.validUntil();
            case UNTRUSTED -> "no longer verified";
        };
    }

    /** The standing and, when it no longer verifies, why. */
    public String explainStanding() {
        if (standing != Standing.UNTRUSTED) {
            return describeStanding();
        }
        String reason = problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem;
        return describeStanding() + " (" + reason + ")";
    }

    /** Standing from the verification result and the day. */
    public static Standing standingOn(Agreement agreement, java.time.LocalDate today) {
        return switch (agreement.validityOn(today)) {
            case NOT_YET_VALID -> Standing.NOT_YET_VALID;
            case IN_FORCE -> Standing.ACTIVE;
            case EXPIRED -> Standing.EXPIRED;
        };
    }
}
