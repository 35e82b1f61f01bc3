package id.gapura.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What the platform keeps of a bearer token: never the token itself, only who it is for and how long it is good.
 * A token acts as its user with the roles the user has at the time of each request, never more.
 *
 * @param id        public identifier, to list and revoke it (not a secret, not derived from the secret)
 * @param user      whose token it is
 * @param label     what it is for, as its issuer said ("nightly export script")
 * @param createdAt when it was issued
 * @param createdBy who issued it: the user themselves, or an administrator
 * @param expiresAt when it stops being accepted
 * @param revokedAt when it was revoked, or {@code null}
 * @param lastUsedAt when it was last accepted (to the minute), or {@code null}
 */
public record AccessToken(String id, String user, String label, Instant createdAt, String createdBy,
                          Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    /** Whether a token is accepted at a given instant. */
    public enum Status {
        ACTIVE, EXPIRED, REVOKED
    }

    public AccessToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Revoked wins over expired: an administrator reading the list wants to know it was revoked. */
    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }
}
