package id.gapura.web.internal;

import org.junit.jupiter.api.Test;

import javax.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decisions of the REST security filter, with a realm of two users and a clock the test moves. */
class AccessFilterTest {

    private static final Map<String, String> PASSWORDS = Map.of("siti", "rahasia-1", "budi", "rahasia-2");
    private static final Map<String, Set<String>> ROLES = Map.of(
            "siti", Set.of("admin", "ssh"), "budi", Set.of("complaints-coordinator"));

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> realmLogins = new ArrayList<>();
    private final JaasAuthenticator authenticator = new JaasAuthenticator((realm, user, password, address, channel) -> {
        realmLogins.add(user);
        return password.equals(PASSWORDS.get(user)) ? Optional.of(new Caller(user, ROLES.get(user))) : Optional.empty();
    }, now::get, nanos -> now.addAndGet(nanos));
    private final ClientLimits limits = new ClientLimits(now::get);
    private final AccessFilter filter = new AccessFilter(authenticator, limits);
    private final List<Caller> admitted = new ArrayList<>();

    AccessFilterTest() {
        limits.configure(config(3, 2));
    }

    @Test
    void protectedEndpointsWantCredentials() {
        Response response = filter.check(AccessRule.ADMIN_BY_DEFAULT, null, "10.0.0.1", admitted::add);
        assertProblem(response, 401);
        assertEquals(AccessFilter.CHALLENGE, response.getHeaderString("WWW-Authenticate"));
        assertTrue(admitted.isEmpty());
    }

    @Test
    void rightRoleIsAdmittedAndNamedWrongRoleIsForbidden() {
        assertNull(filter.check(AccessRule.roles("complaints-coordinator"), basic("budi", "rahasia-2"), "10.0.0.1",
                admitted::add));
        assertEquals(List.of(new Caller("budi", Set.of("complaints-coordinator"))), admitted);

        Response forbidden = filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("budi", "rahasia-2"), "10.0.0.1",
                admitted::add);
        assertProblem(forbidden, 403);
        assertTrue(detail(forbidden).contains("one of: admin"), detail(forbidden));
    }

    @Test
    void wrongPasswordsUnknownUsersAndOtherSchemesAreUnauthorized() {
        assertProblem(filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("siti", "salah"), "10.0.0.1", admitted::add), 401);
        assertProblem(filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("nobody", "x"), "10.0.0.2", admitted::add), 401);
        assertProblem(filter.check(AccessRule.ADMIN_BY_DEFAULT, "Bearer abc", "10.0.0.3", admitted::add), 401);
        assertProblem(filter.check(AccessRule.ADMIN_BY_DEFAULT, "Basic !!!", "10.0.0.3", admitted::add), 401);
        assertProblem(filter.check(AccessRule.PUBLIC, basic("siti", "salah"), "10.0.0.4", admitted::add), 401);
        assertTrue(admitted.isEmpty());
    }

    @Test
    void failedLoginsTakeAtLeastTheFloorWhetherTheUserExistsOrNot() {
        long before = now.get();
        authenticator.authenticate("nobody", "x");
        assertTrue(now.get() - before >= JaasAuthenticator.FAILURE_FLOOR.toNanos());
        before = now.get();
        authenticator.authenticate("siti", "salah");
        assertTrue(now.get() - before >= JaasAuthenticator.FAILURE_FLOOR.toNanos());
    }

    @Test
    void publicEndpointsAreOpenButCountedPerAddress() {
        for (int i = 0; i < 3; i++) {
            assertNull(filter.check(AccessRule.PUBLIC, null, "10.0.0.1", admitted::add));
        }
        Response limited = filter.check(AccessRule.PUBLIC, null, "10.0.0.1", admitted::add);
        assertProblem(limited, 429);
        assertEquals("20", limited.getHeaderString("Retry-After"), "3 a minute: one more after 20 s");
        assertNull(filter.check(AccessRule.PUBLIC, null, "10.0.0.2", admitted::add), "another address has its own");
        assertNull(filter.check(AccessRule.PUBLIC, basic("budi", "rahasia-2"), "10.0.0.1", admitted::add),
                "a user with credentials is not limited as anonymous");
        now.addAndGet(20_000_000_000L);
        assertNull(filter.check(AccessRule.PUBLIC, null, "10.0.0.1", admitted::add));
    }

    @Test
    void tooManyFailedLoginsBlockEveryLoginFromTheAddressForAWhile() {
        assertProblem(filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("siti", "a"), "10.0.0.9", admitted::add), 401);
        assertProblem(filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("siti", "b"), "10.0.0.9", admitted::add), 401);
        int tries = realmLogins.size();
        Response blocked = filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("siti", "rahasia-1"), "10.0.0.9",
                admitted::add);
        assertProblem(blocked, 429);
        assertEquals(tries, realmLogins.size(), "a blocked address does not reach the realm");
        assertNull(filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("siti", "rahasia-1"), "10.0.0.8", admitted::add));
        now.addAndGet(Long.parseLong(blocked.getHeaderString("Retry-After")) * 1_000_000_000L);
        assertNull(filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("siti", "rahasia-1"), "10.0.0.9", admitted::add));
    }

    @Test
    void successfulLoginsDoNotUseTheFailedLoginBudget() {
        for (int i = 0; i < 5; i++) {
            assertNull(filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("siti", "rahasia-1"), "10.0.0.7",
                    admitted::add));
        }
        assertProblem(filter.check(AccessRule.ADMIN_BY_DEFAULT, basic("siti", "x"), "10.0.0.7", admitted::add), 401);
    }

    @Test
    void successfulLoginsAreRememberedForTheConfiguredTimeOnly() {
        authenticator.configure(config(0, 0));
        assertTrue(authenticator.authenticate("siti", "rahasia-1").isPresent());
        assertTrue(authenticator.authenticate("siti", "rahasia-1").isPresent());
        assertEquals(1, realmLogins.size(), "the second login comes from memory");
        assertTrue(authenticator.authenticate("siti", "salah").isEmpty(), "a wrong password never matches memory");
        assertEquals(2, realmLogins.size());
        now.addAndGet(61_000_000_000L);
        assertTrue(authenticator.authenticate("siti", "rahasia-1").isPresent());
        assertEquals(3, realmLogins.size(), "after authCacheSeconds the realm is asked again");
    }

    @Test
    void basicCredentialsAreUtf8AndMayContainColons() {
        assertArrayEquals(new String[]{"dewi", "kata:sandi é"},
                AccessFilter.basic(basic("dewi", "kata:sandi é")).orElseThrow());
        assertTrue(AccessFilter.basic("basic " + Base64.getEncoder().encodeToString(":x".getBytes())).isEmpty());
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        assertEquals(ClientLimits.clientKey("2001:db8:1:2:aaaa::1"), ClientLimits.clientKey("2001:db8:1:2:bbbb::9"));
        assertEquals("10.1.2.3", ClientLimits.clientKey("10.1.2.3"));
        assertTrue(!ClientLimits.clientKey("2001:db8:1:2::1").equals(ClientLimits.clientKey("2001:db8:1:3::1")));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(Response response, int status) {
        assertEquals(status, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    }

    private static String detail(Response response) {
        return ((Problem) response.getEntity()).detail();
    }

    static WebConfig config(int publicPerMinute, int failedPerMinute) {
        return new WebConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return WebConfig.class;
            }

            @Override
            public long maxRequestBytes() {
                return 1_048_576;
            }

            @Override
            public String realm() {
                return "karaf";
            }

            @Override
            public int authCacheSeconds() {
                return 60;
            }

            @Override
            public int publicRequestsPerMinute() {
                return publicPerMinute;
            }

            @Override
            public int failedLoginsPerMinute() {
                return failedPerMinute;
            }

            @Override
            public int tokenCacheSeconds() {
                return 10;
            }
        };
    }
}
