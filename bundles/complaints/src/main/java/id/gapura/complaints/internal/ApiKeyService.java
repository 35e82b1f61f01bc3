package id.gapura.complaints.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Open311 api_keys: an administrator issues one per app from the console and revokes it there; the
 * Open311 channel requires a valid one to accept a request. A key is 32 random bytes (base64url, 43
 * characters); only its SHA-256 hash is stored, which is enough for keys of this entropy.
 */
@Component(service = ApiKeyService.class)
public class ApiKeyService {

    static final int KEY_BYTES = 32;
    static final int MAX_NAME = 200;
    static final int PREFIX_LENGTH = 6;
    /** Last use is recorded at most this often per key, so that busy apps do not write on every request. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final ComplaintsDatabase database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public ApiKeyService(@Reference ComplaintsDatabase database) {
        this(database, Clock.systemUTC());
    }

    ApiKeyService(ComplaintsDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A new key and its stored record; the key is in this answer only. */
    public record Issued(ApiKeyEntity record, String key) {
    }

    /**
     * Issues a key for the named app.
     *
     * @throws IllegalArgumentException when the name is empty or longer than 200 characters
     */
    public Issued issue(String appName, String issuedBy) {
        String name = appName == null ? "" : appName.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Give the name of the app the key is for, e.g. \"LAKSA mobile\".");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("The app name is longer than " + MAX_NAME + " characters.");
        }
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKeyEntity entity = new ApiKeyEntity(name, hash(key), key.substring(0, PREFIX_LENGTH), clock.instant(),
                actor(issuedBy));
        database.write(em -> {
            em.persist(entity);
            return entity;
        });
        return new Issued(entity, key);
    }

    /** Every key ever issued, revoked ones included, oldest first. */
    public List<ApiKeyEntity> list() {
        return database.read(em -> em.createQuery("select k from ApiKeyEntity k order by k.id", ApiKeyEntity.class)
                .getResultList());
    }

    public Optional<ApiKeyEntity> find(long id) {
        return Optional.ofNullable(database.read(em -> em.find(ApiKeyEntity.class, id)));
    }

    /**
     * Revokes a key at once: the next request with it is refused.
     *
     * @throws IllegalArgumentException when there is no such key or it is already revoked
     */
    public ApiKeyEntity revoke(long id, String revokedBy) {
        return database.write(em -> {
            ApiKeyEntity entity = em.find(ApiKeyEntity.class, id);
            if (entity == null) {
                throw new IllegalArgumentException("There is no api_key with id " + id
                        + "; complaints:apikey-list shows the ids.");
            }
            if (!entity.active()) {
                throw new IllegalArgumentException("api_key " + id + " (" + entity.name() + ") is already revoked, by "
                        + entity.revokedBy() + ". Nothing was changed.");
            }
            entity.revoke(clock.instant(), actor(revokedBy));
            return entity;
        });
    }

    /**
     * The active key with this value, if any, recording its use. Revoked and unknown keys give empty.
     */
    public Optional<ApiKeyEntity> authenticate(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(key.strip());
        Instant now = clock.instant();
        return database.write(em -> {
            Optional<ApiKeyEntity> found = em.createQuery(
                            "select k from ApiKeyEntity k where k.keyHash = :hash", ApiKeyEntity.class)
                    .setParameter("hash", hash).getResultStream().findFirst().filter(ApiKeyEntity::active);
            found.ifPresent(entity -> em.createQuery("update ApiKeyEntity k set k.lastUsedAt = :now where k.id = :id"
                            + " and (k.lastUsedAt is null or k.lastUsedAt < :since)")
                    .setParameter("now", now).setParameter("id", entity.id())
                    .setParameter("since", now.minus(LAST_USE_PRECISION)).executeUpdate());
            return found;
        });
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String actor(String name) {
        return name == null || name.isBlank() ? "console" : name.strip();
    }
}
