package id.gapura.web.internal;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Checks a user name and password against the JAAS realm that the console uses ({@code karaf} by default), so
 * that one user store serves console and REST.
 * <p>
 * A realm with hashed passwords (bcrypt) costs tens of milliseconds per check, so a successful login is
 * remembered for {@code authCacheSeconds}: as a keyed hash of name and password (never the password), with the
 * roles the realm gave. Failures are never remembered, and a failed check takes at least
 * {@link #FAILURE_FLOOR}, whether the user exists or not, so that timing tells nothing about which names exist.
 */
@Component(service = JaasAuthenticator.class, configurationPid = WebConfig.PID)
public class JaasAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    /** The channel REST logins are audited under. */
    static final String REST_CHANNEL = "rest";
    /** Logins to the back office's pages, as the login audit names them. */
    public static final String PAGES_CHANNEL = "kantor";

    /** Least time a failed check takes. */
    static final Duration FAILURE_FLOOR = Duration.ofMillis(300);

    /** More remembered logins than this and the expired ones go; if they were all fresh, all go. */
    static final int MAX_REMEMBERED = 10_000;

    /** One login against a realm; empty when the realm refuses. */
    @FunctionalInterface
    interface Realm {
        Optional<Caller> login(String realm, String user, String password, String address, String channel);
    }

    /** Waits, in nanoseconds; for tests, which do not want to wait. */
    @FunctionalInterface
    interface Pause {
        void nanos(long nanos) throws InterruptedException;
    }

    private record Remembered(byte[] proof, Caller caller, long expiresAt) {
    }

    private final Realm realm;
    private final LongSupplier clock;
    private final Pause pause;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final SecretKeySpec proofKey;
    private volatile String realmName;
    private volatile long cacheNanos;

    @Activate
    public JaasAuthenticator(WebConfig config) {
        this(JaasAuthenticator::jaasLogin, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000,
                (int) (nanos % 1_000_000)));
        configure(config);
    }

    JaasAuthenticator(Realm realm, LongSupplier clock, Pause pause) {
        this.realm = realm;
        this.clock = clock;
        this.pause = pause;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.proofKey = new SecretKeySpec(key, "HmacSHA256");
        this.realmName = "karaf";
        this.cacheNanos = Duration.ofSeconds(60).toNanos();
    }

    @Modified
    void configure(WebConfig config) {
        realmName = config.realm();
        cacheNanos = Duration.ofSeconds(Math.max(0, config.authCacheSeconds())).toNanos();
        remembered.clear();
    }

    /** The caller, when the realm accepts this name and password. */
    public Optional<Caller> authenticate(String user, String password) {
        return authenticate(user, password, "unknown");
    }

    /**
     * The caller, when the realm accepts this name and password; the client's address goes with the login to the
     * realm (as a {@link ClientPrincipal}, as the SSH console does), for the login audit.
     */
    public Optional<Caller> authenticate(String user, String password, String address) {
        return authenticate(user, password, address, REST_CHANNEL);
    }

    /** As {@link #authenticate(String, String, String)}, for a login over another channel (the back office). */
    public Optional<Caller> authenticate(String user, String password, String address, String channel) {
        long started = clock.getAsLong();
        byte[] proof = proof(user, password);
        String key = user + '\u0000' + address + '\u0000' + channel;
        Remembered known = remembered.get(key);
        if (known != null && started - known.expiresAt() < 0 && MessageDigest.isEqual(known.proof(), proof)) {
            return Optional.of(known.caller());
        }
        Optional<Caller> caller = realm.login(realmName, user, password, address, channel);
        if (caller.isPresent()) {
            remember(key, proof, caller.get(), started);
        } else {
            waitUntil(started + FAILURE_FLOOR.toNanos());
        }
        return caller;
    }

    private void remember(String key, byte[] proof, Caller caller, long now) {
        long ttl = cacheNanos;
        if (ttl <= 0) {
            return;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(entry -> now - entry.expiresAt() >= 0);
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(key, new Remembered(proof, caller, now + ttl));
    }

    private void waitUntil(long deadline) {
        long left = deadline - clock.getAsLong();
        if (left > 0) {
            try {
                pause.nanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private byte[] proof(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(proofKey);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** A JAAS login, as Karaf's SSH server does it; the roles are the realm's role principals. */
    static Optional<Caller> jaasLogin(String realm, String user, String password, String address, String channel) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Karaf's JAAS configuration names its proxy login module, which LoginContext loads through this loader
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            Subject subject = new Subject();
            subject.getPrincipals().add(new ClientPrincipal(channel, address));
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            String name = user;
            Set<String> roles = new HashSet<>();
            for (Principal principal : subject.getPrincipals()) {
                if (principal instanceof RolePrincipal) {
                    roles.add(principal.getName());
                } else if (principal instanceof UserPrincipal) {
                    name = principal.getName();
                }
            }
            return Optional.of(new Caller(name, roles));
        } catch (FailedLoginException | AccountException e) {
            return Optional.empty();
        } catch (LoginException | RuntimeException e) {
            // never log the password; the realm's own failure is what the administrator needs
            LOG.warn("Login to JAAS realm '{}' failed unexpectedly: {}", realm, e.toString());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
