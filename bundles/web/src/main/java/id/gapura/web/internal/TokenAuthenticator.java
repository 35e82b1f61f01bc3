package id.gapura.web.internal;

import id.gapura.api.spi.AccessToken;
import id.gapura.api.spi.AccessTokens;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a bearer token: issued by Gapura, neither expired nor revoked, for a user the realm still knows, who
 * acts with the roles the realm gives them now (never with roles kept from when the token was issued).
 * <p>
 * A token found valid is trusted for {@code tokenCacheSeconds} on this node (never beyond its expiry), so that a
 * script does not cost a database query per request; a revocation made elsewhere applies after at most that
 * long, one made through this node at once ({@link #forget}). The cache is keyed by the token's SHA-256, never
 * the token.
 */
@Component(service = TokenAuthenticator.class, configurationPid = WebConfig.PID)
public class TokenAuthenticator {

    /** Why a token is refused; each has its own sentence for the caller. */
    public enum Refusal {
        UNKNOWN("The bearer token is not one Gapura issued (or it was mistyped); ask for a new one with "
                + "POST /api/security/tokens."),
        EXPIRED("The bearer token has expired; ask for a new one with POST /api/security/tokens."),
        REVOKED("The bearer token was revoked; ask for a new one with POST /api/security/tokens."),
        USER_GONE("The bearer token's user no longer exists in the realm; the token is of no use."),
        UNAVAILABLE("Bearer tokens cannot be checked right now (the platform database is not available); try again "
                + "shortly or use HTTP Basic.");

        private final String detail;

        Refusal(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    /** The outcome of a check: a caller, or a refusal; the token, when one was found, for the audit. */
    public record Result(Optional<Caller> caller, Refusal refusal, AccessToken token) {

        static Result accepted(Caller caller, AccessToken token) {
            return new Result(Optional.of(caller), null, token);
        }

        static Result refused(Refusal refusal, AccessToken token) {
            return new Result(Optional.empty(), refusal, token);
        }
    }

    private record Trusted(AccessToken token, Instant until) {
    }

    private final RealmRoles roles;
    private final Clock clock;
    private final Map<String, Trusted> trusted = new ConcurrentHashMap<>();
    private volatile AccessTokens tokens;
    private volatile Duration cacheTime = Duration.ofSeconds(10);

    @Activate
    public TokenAuthenticator(@Reference RealmRoles roles, WebConfig config) {
        this(roles, Clock.systemUTC());
        configure(config);
    }

    TokenAuthenticator(RealmRoles roles, Clock clock) {
        this.roles = roles;
        this.clock = clock;
    }

    @Modified
    void configure(WebConfig config) {
        cacheTime = Duration.ofSeconds(Math.max(0, config.tokenCacheSeconds()));
        trusted.clear();
    }

    /** Optional: without the platform database, HTTP Basic still works and tokens are refused with 401. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setTokens(AccessTokens tokens) {
        this.tokens = tokens;
        trusted.clear();
    }

    void unsetTokens(AccessTokens tokens) {
        if (this.tokens == tokens) {
            this.tokens = null;
        }
        trusted.clear();
    }

    /** Checks the token of an {@code Authorization: Bearer} header. */
    public Result authenticate(String secret) {
        Instant now = clock.instant();
        String key = TokenHash.of(secret);
        Trusted known = trusted.get(key);
        AccessToken token;
        if (known != null && now.isBefore(known.until())) {
            token = known.token();
        } else {
            AccessTokens store = tokens;
            if (store == null) {
                return Result.refused(Refusal.UNAVAILABLE, null);
            }
            Optional<AccessToken> found;
            try {
                found = store.find(secret);
            } catch (RuntimeException e) {
                return Result.refused(Refusal.UNAVAILABLE, null);
            }
            if (found.isEmpty()) {
                trusted.remove(key);
                return Result.refused(Refusal.UNKNOWN, null);
            }
            token = found.get();
            if (token.status(now) == AccessToken.Status.ACTIVE && !cacheTime.isZero()) {
                if (trusted.size() >= JaasAuthenticator.MAX_REMEMBERED) {
                    trusted.clear();
                }
                Instant until = now.plus(cacheTime);
                trusted.put(key, new Trusted(token, until.isBefore(token.expiresAt()) ? until : token.expiresAt()));
            }
        }
        switch (token.status(now)) {
            case EXPIRED:
                return Result.refused(Refusal.EXPIRED, token);
            case REVOKED:
                return Result.refused(Refusal.REVOKED, token);
            default:
                break;
        }
        Optional<Set<String>> current = roles.rolesOf(token.user());
        if (current.isEmpty()) {
            return Result.refused(Refusal.USER_GONE, token);
        }
        return Result.accepted(new Caller(token.user(), current.get()), token);
    }

    /** A token revoked through this node is refused here at once. */
    public void forget(String tokenId) {
        trusted.values().removeIf(entry -> entry.token().id().equals(tokenId));
    }
}
