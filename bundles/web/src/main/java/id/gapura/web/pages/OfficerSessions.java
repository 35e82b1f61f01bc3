package id.gapura.web.pages;

import id.gapura.api.spi.AccessToken;
import id.gapura.api.spi.AccessTokens;
import id.gapura.api.spi.IssuedToken;
import id.gapura.api.ui.PageRequest;
import id.gapura.web.internal.Caller;
import id.gapura.web.internal.ClientLimits;
import id.gapura.web.internal.JaasAuthenticator;
import id.gapura.web.internal.TokenAuthenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Back-office sessions. A session is one of the region's access tokens (in the platform database, so every node
 * checks it, and an administrator lists and revokes sessions with {@code token:list} and {@code token:revoke});
 * its secret is the officer's cookie. The officer acts with the roles the realm gives them at each request. A
 * session ends at logout, after {@code sessionHours}, or after {@code sessionIdleMinutes} without a request.
 */
@Component(service = OfficerSessions.class, configurationPid = PagesConfig.PID)
public class OfficerSessions {

    static final String COOKIE = "gapura_kantor";
    static final String LABEL = "back-office session";
    private static final Logger LOG = LoggerFactory.getLogger(OfficerSessions.class);

    /** A valid session: its secret (for the CSRF token) and its officer. */
    record Session(String secret, String tokenId, PageRequest.Officer officer) {
    }

    /** What a login attempt came to. */
    sealed interface Login {
        record Accepted(String secret, Duration validity) implements Login {
        }

        record Refused() implements Login {
        }

        record Wait(long seconds) implements Login {
        }

        record Unavailable() implements Login {
        }
    }

    private final JaasAuthenticator passwords;
    private final ClientLimits limits;
    private final TokenAuthenticator sessions;
    private final Clock clock;
    private volatile AccessTokens tokens;
    private volatile Duration validity;
    private volatile Duration idle;

    @Activate
    public OfficerSessions(@Reference JaasAuthenticator passwords, @Reference ClientLimits limits,
                           @Reference TokenAuthenticator sessions, PagesConfig config) {
        this(passwords, limits, sessions, Clock.systemUTC());
        configure(config);
    }

    OfficerSessions(JaasAuthenticator passwords, ClientLimits limits, TokenAuthenticator sessions, Clock clock) {
        this.passwords = passwords;
        this.limits = limits;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Modified
    void configure(PagesConfig config) {
        validity = Duration.ofHours(Math.min(24, Math.max(1, config.sessionHours())));
        idle = Duration.ofMinutes(Math.min(240, Math.max(5, config.sessionIdleMinutes())));
    }

    /** Without the platform database there are no sessions: the login page says so. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setTokens(AccessTokens tokens) {
        this.tokens = tokens;
    }

    void unsetTokens(AccessTokens tokens) {
        if (this.tokens == tokens) {
            this.tokens = null;
        }
    }

    /** Checks a user name and password (with the REST API's budget of failed logins per address). */
    Login login(String user, String password, String client) {
        long wait = limits.loginAttempt(client);
        if (wait > 0) {
            return new Login.Wait(wait);
        }
        Optional<Caller> caller = passwords.authenticate(user, password, client, JaasAuthenticator.PAGES_CHANNEL);
        if (caller.isEmpty()) {
            return new Login.Refused();
        }
        limits.loginSucceeded(client);
        AccessTokens store = tokens;
        if (store == null) {
            return new Login.Unavailable();
        }
        try {
            Duration length = validity.compareTo(store.maxValidity()) > 0 ? store.maxValidity() : validity;
            IssuedToken issued = store.issue(caller.get().name(), LABEL, length, caller.get().name());
            return new Login.Accepted(issued.secret(), length);
        } catch (RuntimeException e) {
            LOG.warn("A back-office session for {} could not be stored: {}", caller.get().name(), e.toString());
            return new Login.Unavailable();
        }
    }

    /** The session of this cookie value, when it is active, not idle too long and its user is still in the realm. */
    Optional<Session> find(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 200) {
            return Optional.empty();
        }
        TokenAuthenticator.Result result = sessions.authenticate(secret);
        if (result.caller().isEmpty() || result.token() == null) {
            return Optional.empty();
        }
        AccessToken token = result.token();
        if (idleTooLong(token, clock.instant(), idle)) {
            end(token.id(), token.user());
            return Optional.empty();
        }
        Caller caller = result.caller().get();
        return Optional.of(new Session(secret, token.id(), new PageRequest.Officer(caller.name(), caller.roles())));
    }

    /**
     * Whether a session has gone unused for longer than allowed: its last use (recorded to the minute) or, never
     * used, its start. The absolute limit is the token's own expiry, which the token check already refuses.
     */
    static boolean idleTooLong(AccessToken session, Instant now, Duration idle) {
        Instant lastSeen = session.lastUsedAt() != null ? session.lastUsedAt() : session.createdAt();
        return lastSeen.plus(idle).isBefore(now);
    }

    /** How long a session may last and go unused, as configured and bounded. */
    Duration validity() {
        return validity;
    }

    Duration idle() {
        return idle;
    }

    /** Ends a session at once, on every node (after their short token cache). */
    void end(String tokenId, String by) {
        AccessTokens store = tokens;
        if (store != null) {
            try {
                store.revoke(tokenId, by);
            } catch (RuntimeException e) {
                LOG.warn("Back-office session {} could not be revoked: {}", tokenId, e.toString());
            }
        }
        sessions.forget(tokenId);
    }
}
