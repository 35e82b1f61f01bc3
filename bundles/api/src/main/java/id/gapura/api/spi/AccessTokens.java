package id.gapura.api.spi;

import org.osgi.annotation.versioning.ProviderType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The region's bearer tokens, in its database: every node of the region sees the same tokens, issues and
 * revocations. Tokens are opaque random strings (256 bits); only their SHA-256 hash is stored.
 */
@ProviderType
public interface AccessTokens {

    /** Validity of a token when its issuer asks for none. */
    Duration defaultValidity();

    /** Longest validity a token may have. */
    Duration maxValidity();

    /**
     * Issues a token for a user.
     *
     * @param user     whose token
     * @param label    what it is for (shown in lists; at most 200 characters)
     * @param validity how long it is good, positive and at most {@link #maxValidity()}; null for the default
     * @param issuedBy who asks for it
     * @throws IllegalArgumentException when the validity is not allowed or the user or label is blank
     */
    IssuedToken issue(String user, String label, Duration validity, String issuedBy);

    /**
     * The token with this secret, whatever its status (the caller decides and says why it refuses); empty when
     * no such token was ever issued. Marks an active token as used (at most once a minute).
     */
    Optional<AccessToken> find(String secret);

    /** The token with this id, or empty. */
    Optional<AccessToken> get(String id);

    /** The tokens of one user, or of everyone when {@code user} is null, newest first, revoked ones included. */
    List<AccessToken> list(String user);

    /**
     * Revokes a token: it is refused from then on (by other nodes after their short cache, see the REST settings).
     *
     * @return the token as revoked; empty when there is no such token. Revoking twice keeps the first time.
     */
    Optional<AccessToken> revoke(String id, String revokedBy);
}
