package id.gapura.web.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per client address budgets, as token buckets that refill evenly over a minute: anonymous requests to public
 * endpoints, and failed logins. An IPv6 client counts by its /64 network, since one host usually holds a whole
 * /64. The budgets are per node; behind a load balancer each node counts its own share.
 */
@Component(service = ClientLimits.class, configurationPid = WebConfig.PID)
public class ClientLimits {

    private static final Logger LOG = LoggerFactory.getLogger(ClientLimits.class);

    /** Addresses tracked per budget before idle ones are forgotten. */
    static final int MAX_CLIENTS = 100_000;

    private final LongSupplier clock;
    private volatile Budget publicRequests;
    private volatile Budget failedLogins;

    @Activate
    public ClientLimits(WebConfig config) {
        this(System::nanoTime);
        configure(config);
    }

    ClientLimits(LongSupplier clock) {
        this.clock = clock;
        this.publicRequests = new Budget(0);
        this.failedLogins = new Budget(0);
    }

    /** A new configuration starts every budget afresh. */
    @Modified
    void configure(WebConfig config) {
        publicRequests = new Budget(config.publicRequestsPerMinute());
        failedLogins = new Budget(config.failedLoginsPerMinute());
    }

    /** Counts one anonymous request to a public endpoint: 0 when allowed, else seconds to wait. */
    public long publicRequest(String client) {
        return publicRequests.take(client);
    }

    /**
     * Counts one login attempt of this client before the realm is asked (so that parallel guesses count too):
     * 0 when it may go on, else seconds to wait. {@link #loginSucceeded} gives the attempt back.
     */
    public long loginAttempt(String client) {
        return failedLogins.take(client);
    }

    /** A login that succeeded does not count as a failure. */
    public void loginSucceeded(String client) {
        failedLogins.giveBack(client);
    }

    /** The key a client is counted under: its IPv4 address, or the /64 network of its IPv6 address. */
    public static String clientKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String literal = remoteAddress.strip();
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        try {
            // an address literal: no name lookup happens
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder network = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return network.append(":/64").toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    private final class Budget {

        private final int perMinute;
        private final double tokensPerNano;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        Budget(int perMinute) {
            this.perMinute = Math.max(0, perMinute);
            this.tokensPerNano = this.perMinute / 60e9;
        }

        /**
         * Takes one token: 0 when there was one, else the seconds until there is. A refused call empties the
         * bucket, so a client that keeps calling instead of waiting stays refused.
         */
        long take(String client) {
            if (perMinute == 0) {
                return 0;
            }
            long now = clock.getAsLong();
            if (buckets.size() >= MAX_CLIENTS) {
                forgetIdle(now);
            }
            Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(perMinute, now));
            synchronized (bucket) {
                bucket.refill(now, perMinute, tokensPerNano);
                if (bucket.tokens >= 1) {
                    bucket.tokens -= 1;
                    return 0;
                }
                bucket.tokens = 0;
                double missingNanos = (1 - bucket.tokens) / tokensPerNano;
                return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
            }
        }

        void giveBack(String client) {
            Bucket bucket = buckets.get(client);
            if (bucket != null) {
                synchronized (bucket) {
                    bucket.tokens = Math.min(perMinute, bucket.tokens + 1);
                }
            }
        }

        private void forgetIdle(long now) {
            buckets.values().removeIf(bucket -> {
                synchronized (bucket) {
                    bucket.refill(now, perMinute, tokensPerNano);
                    return bucket.tokens >= perMinute;
                }
            });
            if (buckets.size() >= MAX_CLIENTS) {
                LOG.warn("More than {} client addresses are being rate-limited at once; their counts start afresh",
                        MAX_CLIENTS);
                buckets.clear();
            }
        }
    }

    private static final class Bucket {

        double tokens;
        long updated;

        Bucket(int capacity, long now) {
            tokens = capacity;
            updated = now;
        }

        void refill(long now, int capacity, double tokensPerNano) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                updated = now;
            }
        }
    }
}
