package id.gapura.web.internal;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.security.auth.Subject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Records in the audit log every failed login and every login of an administrator, to the console (SSH) and to
 * the REST API alike, with the user, the client address and the channel.
 * <p>
 * Logins with a password, console's and REST's, go through Karaf's JAAS realm, which posts an event for each on
 * {@code org/apache/karaf/login/*} (Event Admin); the REST API puts the client's address in the login's subject
 * as the SSH server does. Bearer tokens do not go through the realm: the REST filter reports them here itself.
 * <p>
 * Not to flood the log, successful logins of one user from one address over one channel are recorded once per
 * {@code authCacheSeconds} (the REST API's login cache time, so that a script's repeated calls count once
 * either way), and at least once a minute: with the cache off, every REST call is a realm login. Failures are all recorded; the REST API limits them per address.
 */
@Component(service = {LoginAudit.class, EventHandler.class}, configurationPid = WebConfig.PID,
        property = EventConstants.EVENT_TOPIC + "=" + LoginAudit.TOPIC + "*")
public class LoginAudit implements EventHandler {

    static final String TOPIC = "org/apache/karaf/login/";
    static final String ACTION = "security.login";
    static final int MAX_REMEMBERED = 10_000;
    /** The channel of module:doctor's check of the quick-start password, which is no login. */
    static final String SELF_CHECK = "module:doctor";
    /** Successful logins are one entry per at least this long, even when REST checks every request (cache 0). */
    static final int MIN_WINDOW_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(LoginAudit.class);

    /** Where a login came from: {@code ssh}, {@code rest} or {@code rest-token}, and the client address. */
    public record Origin(String channel, String address) {

        /** From a principal's address, which may carry a port and a leading slash ({@code /127.0.0.1:4321}). */
        static Origin of(String channel, String address) {
            String host = address == null ? "unknown" : address.strip();
            if (host.startsWith("/")) {
                host = host.substring(1);
            }
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(':') == colon) {
                host = host.substring(0, colon); // IPv4 with a port
            } else if (host.startsWith("[") && host.contains("]")) {
                host = host.substring(1, host.indexOf(']')); // [IPv6]:port
            }
            return new Origin(channel, host.isEmpty() ? "unknown" : host);
        }
    }

    private final LongSupplier clock;
    private final Map<String, Long> recentSuccesses = new ConcurrentHashMap<>();
    private volatile AuditLog audit;
    private volatile long windowNanos = Duration.ofSeconds(60).toNanos();

    @Activate
    public LoginAudit(WebConfig config) {
        this(System::nanoTime);
        configure(config);
    }

    LoginAudit(LongSupplier clock) {
        this.clock = clock;
    }

    @Modified
    void configure(WebConfig config) {
        windowNanos = Duration.ofSeconds(Math.max(MIN_WINDOW_SECONDS, config.authCacheSeconds())).toNanos();
    }

    /** Optional: the REST API serves without the database; logins are then only in Karaf's log. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAudit(AuditLog audit) {
        this.audit = audit;
    }

    void unsetAudit(AuditLog audit) {
        if (this.audit == audit) {
            this.audit = null;
        }
    }

    /** A JAAS login event: {@code type} success or failure, {@code username}, {@code subject}. */
    @Override
    public void handleEvent(Event event) {
        Object type = event.getProperty("type");
        Object user = event.getProperty("username");
        if (!(type instanceof String kind) || !(kind.equals("success") || kind.equals("failure"))) {
            return;
        }
        Origin origin = new Origin("jaas", "unknown");
        boolean admin = false;
        if (event.getProperty("subject") instanceof Subject subject) {
            for (ClientPrincipal client : subject.getPrincipals(ClientPrincipal.class)) {
                origin = Origin.of(client.getMethod(), client.getAddress());
            }
            admin = subject.getPrincipals(RolePrincipal.class).stream()
                    .anyMatch(role -> AccessRule.ADMIN.equals(role.getName()));
        }
        if (SELF_CHECK.equals(origin.channel())) {
            return; // module:doctor trying the quick-start password: nobody logs in
        }
        String name = user == null ? AuditLog.ANONYMOUS : user.toString();
        if (kind.equals("success")) {
            if (admin) {
                succeeded(name, origin, "password");
            }
        } else {
            failed(name, origin, "wrong user name or password");
        }
    }

    /** A login that succeeded; recorded when it is an administrator's, once per window per user and origin. */
    public void succeeded(String user, Origin origin, String how) {
        long now = clock.getAsLong();
        String key = user + '\u0000' + origin.channel() + '\u0000' + origin.address();
        Long last = recentSuccesses.get(key);
        if (last != null && now - last < windowNanos) {
            return;
        }
        if (recentSuccesses.size() >= MAX_REMEMBERED) {
            recentSuccesses.values().removeIf(at -> now - at >= windowNanos);
            if (recentSuccesses.size() >= MAX_REMEMBERED) {
                recentSuccesses.clear();
            }
        }
        recentSuccesses.put(key, now);
        record(user, origin, AuditOutcome.SUCCEEDED, "administrator logged in with " + how + " over "
                + origin.channel() + " from " + origin.address());
    }

    /** A login refused: wrong password, unknown user, bad token. */
    public void failed(String user, Origin origin, String why) {
        record(user, origin, AuditOutcome.REFUSED, "login refused over " + origin.channel() + " from "
                + origin.address() + ": " + why);
    }

    private void record(String user, Origin origin, AuditOutcome outcome, String detail) {
        AuditLog log = audit;
        if (log == null) {
            LOG.info("login {} of {} over {} from {} (the audit log is not available): {}", outcome, user,
                    origin.channel(), origin.address(), detail);
            return;
        }
        try {
            log.record(user, ACTION, null, origin.channel() + " " + origin.address(), outcome, detail);
        } catch (RuntimeException e) {
            LOG.warn("The audit log could not record a login of {} over {} from {}: {}", user, origin.channel(),
                    origin.address(), e.getMessage());
        }
    }
}
