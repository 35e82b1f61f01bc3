package id.gapura.core.internal;

import id.gapura.api.spi.AccessToken;
import id.gapura.api.spi.AccessTokens;
import id.gapura.api.spi.IssuedToken;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The region's bearer tokens in {@code gapura_access_token}, shared by every node; nothing about them is kept in
 * memory here. Validity bounds come from {@code etc/id.gapura.core.cfg} ({@code token.defaultHours},
 * {@code token.maxDays}).
 */
@Component(service = AccessTokens.class, configurationPid = "id.gapura.core")
public class DatabaseAccessTokens implements AccessTokens {

    /** The settings of {@code etc/id.gapura.core.cfg} that concern tokens. */
    public @interface Config {
        /** Validity of a token when none is asked for, in hours. */
        int token_defaultHours() default 8;

        /** Longest validity of a token, in days. */
        int token_maxDays() default 30;
    }

    static final int MAX_LABEL = 200;
    /** A token's last use is written at most this often, not at every request. */
    static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    private final JpaTemplate jpa;
    private final TokenSecrets secrets = new TokenSecrets(new SecureRandom());
    private final Clock clock = Clock.systemUTC();
    private volatile Duration defaultValidity = Duration.ofHours(8);
    private volatile Duration maxValidity = Duration.ofDays(30);

    /** The platform database reference makes sure the platform tables are migrated before first use. */
    @Activate
    public DatabaseAccessTokens(@Reference(target = "(osgi.unit.name=gapura)") JpaTemplate jpa,
                                @Reference PlatformDatabase database, Config config) {
        this.jpa = jpa;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        maxValidity = Duration.ofDays(Math.max(1, config.token_maxDays()));
        Duration wanted = Duration.ofHours(Math.max(1, config.token_defaultHours()));
        defaultValidity = wanted.compareTo(maxValidity) > 0 ? maxValidity : wanted;
    }

    @Override
    public Duration defaultValidity() {
        return defaultValidity;
    }

    @Override
    public Duration maxValidity() {
        return maxValidity;
    }

    @Override
    public IssuedToken issue(String user, String label, Duration validity, String issuedBy) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("A token needs the name of the user it is for.");
        }
        Duration valid = validity(validity, defaultValidity, maxValidity);
        String text = label == null || label.isBlank() ? "-" : DatabaseAuditLog.cut(label, MAX_LABEL);
        String secret = secrets.newSecret();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AccessTokenRecord record = new AccessTokenRecord(secrets.newId(), TokenSecrets.hash(secret),
                DatabaseAuditLog.cut(user, DatabaseAuditLog.MAX_ACTOR), text, now,
                DatabaseAuditLog.cut(issuedBy == null || issuedBy.isBlank() ? user : issuedBy,
                        DatabaseAuditLog.MAX_ACTOR), now.plus(valid));
        jpa.tx(TransactionType.Required, em -> em.persist(record));
        return new IssuedToken(secret, record.toToken());
    }

    /**
     * The validity a token gets: the default when none is asked for, else what is asked if it is positive and
     * within the maximum.
     */
    static Duration validity(Duration requested, Duration defaultValidity, Duration maxValidity) {
        if (requested == null) {
            return defaultValidity;
        }
        if (requested.isNegative() || requested.isZero()) {
            throw new IllegalArgumentException("A token's validity must be positive, not " + requested + ".");
        }
        if (requested.compareTo(maxValidity) > 0) {
            throw new IllegalArgumentException("A token may be valid for at most " + maxValidity.toDays()
                    + " days (token.maxDays in etc/id.gapura.core.cfg); " + requested.toHours() + " hours were asked.");
        }
        return requested;
    }

    @Override
    public Optional<AccessToken> find(String secret) {
        if (!TokenSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        String hash = TokenSecrets.hash(secret);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<AccessTokenRecord> found = em.createQuery(
                            "select t from AccessTokenRecord t where t.sha256 = :hash", AccessTokenRecord.class)
                    .setParameter("hash", hash).getResultList();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            AccessTokenRecord record = found.get(0);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (shouldMarkUse(record.toToken(), now)) {
                record.used(now);
            }
            return Optional.of(record.toToken());
        });
    }

    /** Only an active token's use is written, and at most once per {@link #USE_GRANULARITY}. */
    static boolean shouldMarkUse(AccessToken token, Instant now) {
        return token.status(now) == AccessToken.Status.ACTIVE
                && (token.lastUsedAt() == null || !now.isBefore(token.lastUsedAt().plus(USE_GRANULARITY)));
    }

    @Override
    public Optional<AccessToken> get(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em ->
                Optional.ofNullable(em.find(AccessTokenRecord.class, id)).map(AccessTokenRecord::toToken));
    }

    @Override
    public List<AccessToken> list(String user) {
        return jpa.txExpr(TransactionType.Required, em -> (user == null
                ? em.createQuery("select t from AccessTokenRecord t order by t.createdAt desc", AccessTokenRecord.class)
                : em.createQuery("select t from AccessTokenRecord t where t.userName = :user order by t.createdAt desc",
                        AccessTokenRecord.class).setParameter("user", user))
                .setMaxResults(1000).getResultList().stream().map(AccessTokenRecord::toToken).toList());
    }

    @Override
    public Optional<AccessToken> revoke(String id, String revokedBy) {
        if (id == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            AccessTokenRecord record = em.find(AccessTokenRecord.class, id);
            if (record == null) {
                return Optional.empty();
            }
            if (record.revokedAt() == null) {
                record.revoke(clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        DatabaseAuditLog.cut(revokedBy == null || revokedBy.isBlank() ? "-" : revokedBy,
                                DatabaseAuditLog.MAX_ACTOR));
            }
            return Optional.of(record.toToken());
        });
    }
}
