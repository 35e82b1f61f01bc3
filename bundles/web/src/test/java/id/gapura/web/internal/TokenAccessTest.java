package id.gapura.web.internal;

import id.gapura.api.AuditEntry;
import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.api.spi.AccessToken;
import id.gapura.api.spi.AccessTokens;
import id.gapura.api.spi.IssuedToken;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import javax.security.auth.Subject;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bearer tokens through the access filter, and the login audit, without a container. */
class TokenAccessTest {

    private static final String SECRET = "gpt_" + "A".repeat(43);
    private static final String OTHER = "gpt_" + "B".repeat(43);

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The tokens as the database would keep them, by secret. */
    private final class Store implements AccessTokens {
        final Map<String, AccessToken> bySecret = new HashMap<>();
        int lookups;

        @Override
        public Duration defaultValidity() {
            return Duration.ofHours(8);
        }

        @Override
        public Duration maxValidity() {
            return Duration.ofDays(30);
        }

        @Override
        public IssuedToken issue(String user, String label, Duration validity, String issuedBy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AccessToken> find(String secret) {
            lookups++;
            return Optional.ofNullable(bySecret.get(secret));
        }

        @Override
        public Optional<AccessToken> get(String id) {
            return bySecret.values().stream().filter(t -> t.id().equals(id)).findFirst();
        }

        @Override
        public List<AccessToken> list(String user) {
            return List.copyOf(bySecret.values());
        }

        @Override
        public Optional<AccessToken> revoke(String id, String revokedBy) {
            for (Map.Entry<String, AccessToken> entry : bySecret.entrySet()) {
                AccessToken t = entry.getValue();
                if (t.id().equals(id)) {
                    AccessToken revoked = new AccessToken(t.id(), t.user(), t.label(), t.createdAt(), t.createdBy(),
                            t.expiresAt(), clock.now, t.lastUsedAt());
                    entry.setValue(revoked);
                    return Optional.of(revoked);
                }
            }
            return Optional.empty();
        }
    }

    private final List<AuditEntry> audited = new ArrayList<>();
    private final AuditLog auditLog = new AuditLog() {
        @Override
        public AuditEntry record(String actor, String action, String module, String subject, AuditOutcome outcome,
                                 String detail) {
            AuditEntry entry = new AuditEntry(audited.size() + 1, Instant.EPOCH, actor, action, module, subject,
                    outcome, detail);
            audited.add(entry);
            return entry;
        }
    };

    private final TestClock clock = new TestClock();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Map<String, Set<String>> realm = new HashMap<>(Map.of(
            "siti", Set.of("admin"), "budi", Set.of("complaints-coordinator")));
    private final Store store = new Store();
    private final RealmRoles roles = new RealmRoles((realmName, user) -> Optional.ofNullable(realm.get(user)),
            nanos::get);
    private final TokenAuthenticator tokens = new TokenAuthenticator(roles, clock);
    private final LoginAudit audit = new LoginAudit(nanos::get);
    private final AccessFilter filter = new AccessFilter(new JaasAuthenticator((r, u, p, a, c) -> Optional.empty(),
            nanos::get, n -> nanos.addAndGet(n)), new ClientLimits(nanos::get), tokens, audit);
    private final List<Caller> admitted = new ArrayList<>();

    TokenAccessTest() {
        WebConfig config = AccessFilterTest.config(0, 0);
        roles.configure(config);
        tokens.configure(config);
        audit.configure(config);
        tokens.setTokens(store);
        audit.setAudit(auditLog);
        store.bySecret.put(SECRET, token("t1", "budi", clock.now.plus(Duration.ofHours(8))));
    }

    private AccessToken token(String id, String user, Instant expires) {
        return new AccessToken(id, user, "script", clock.now, user, expires, null, null);
    }

    private Response call(AccessRule rule, String secret) {
        return filter.check(rule, "Bearer " + secret, "10.0.0.1", admitted::add);
    }

    private static void assertInvalidToken(Response response, String detailPart) {
        assertEquals(401, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("Bearer realm=\"Gapura\", error=\"invalid_token\"",
                response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        String detail = ((Problem) response.getEntity()).detail();
        assertTrue(detail.contains(detailPart), detail);
    }

    @Test
    void anActiveTokenActsAsItsUserWithTheRolesTheRealmGivesNow() {
        assertNull(call(AccessRule.roles("complaints-coordinator"), SECRET));
        assertEquals("budi", admitted.get(0).name());
        assertEquals(Caller.BEARER, admitted.get(0).scheme());
        assertEquals(403, call(AccessRule.ADMIN_BY_DEFAULT, SECRET).getStatus(), "roles, not the token, decide");
        assertNull(call(AccessRule.roles(AccessRule.ANY_AUTHENTICATED), SECRET));
    }

    @Test
    void expiredRevokedAndUnknownTokensAre401WithTheReason() {
        assertInvalidToken(call(AccessRule.ADMIN_BY_DEFAULT, OTHER), "not one Gapura issued");
        assertInvalidToken(call(AccessRule.ADMIN_BY_DEFAULT, "not-even-a-token"), "not one Gapura issued");
        store.bySecret.put(OTHER, token("t2", "budi", clock.now.plusSeconds(5)));
        assertNull(call(AccessRule.roles("complaints-coordinator"), OTHER));
        clock.now = clock.now.plusSeconds(5);
        assertInvalidToken(call(AccessRule.roles("complaints-coordinator"), OTHER), "expired");
        store.revoke("t1", "siti");
        clock.now = clock.now.plusSeconds(11);
        assertInvalidToken(call(AccessRule.roles("complaints-coordinator"), SECRET), "revoked");
        assertEquals(List.of("anonymous", "anonymous", "budi", "budi"),
                audited.stream().map(AuditEntry::actor).toList(), "every refusal is audited");
        assertTrue(audited.stream().allMatch(e -> e.outcome() == AuditOutcome.REFUSED
                && e.subject().equals("rest-token 10.0.0.1")), audited.toString());
        assertTrue(audited.stream().noneMatch(e -> e.detail().contains(SECRET) || e.detail().contains(OTHER)),
                "never the token in the audit");
    }

    @Test
    void aRevocationAppliesWithinTheCacheTimeOrAtOnceThroughThisNode() {
        assertNull(call(AccessRule.roles("complaints-coordinator"), SECRET));
        assertNull(call(AccessRule.roles("complaints-coordinator"), SECRET));
        assertEquals(1, store.lookups, "the second request is answered from the cache");
        store.revoke("t1", "siti"); // as another node would
        clock.now = clock.now.plusSeconds(9);
        assertNull(call(AccessRule.roles("complaints-coordinator"), SECRET), "still trusted within 10 s");
        clock.now = clock.now.plusSeconds(1);
        assertInvalidToken(call(AccessRule.roles("complaints-coordinator"), SECRET), "revoked");

        store.bySecret.put(OTHER, token("t2", "budi", clock.now.plus(Duration.ofHours(1))));
        assertNull(call(AccessRule.roles("complaints-coordinator"), OTHER));
        store.revoke("t2", "budi");
        tokens.forget("t2"); // revoked through this node's REST API
        assertInvalidToken(call(AccessRule.roles("complaints-coordinator"), OTHER), "revoked");
    }

    @Test
    void aTokenDoesNotOutliveItsUserOrTheirRoles() {
        assertNull(call(AccessRule.roles("complaints-coordinator"), SECRET));
        realm.put("budi", Set.of("viewer"));
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertEquals(403, call(AccessRule.roles("complaints-coordinator"), SECRET).getStatus());
        realm.remove("budi");
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertInvalidToken(call(AccessRule.roles("complaints-coordinator"), SECRET), "no longer exists");
    }

    @Test
    void withoutTheTokenStoreTokensAre503AndBasicStillWorks() {
        tokens.unsetTokens(store);
        Response response = call(AccessRule.ADMIN_BY_DEFAULT, SECRET);
        assertEquals(503, response.getStatus());
    }

    @Test
    void tokensInTheQueryStringAreRefused() {
        Response refused = AccessFilter.credentialsInUrl(Set.of("page", "access_token"));
        assertNotNull(refused);
        assertEquals(400, refused.getStatus());
        assertTrue(((Problem) refused.getEntity()).detail().contains("Authorization: Bearer"));
        assertNull(AccessFilter.credentialsInUrl(Set.of("api_key", "page")), "Open311's api_key is its own");
    }

    @Test
    void adminLoginsAreAuditedOncePerWindowAndFailuresAlways() {
        store.bySecret.put(OTHER, token("t3", "siti", clock.now.plus(Duration.ofHours(1))));
        assertNull(call(AccessRule.ADMIN_BY_DEFAULT, OTHER));
        assertNull(call(AccessRule.ADMIN_BY_DEFAULT, OTHER));
        assertNull(call(AccessRule.roles("complaints-coordinator"), SECRET));
        assertEquals(1, audited.size(), "one entry for the admin's repeated use, none for a non-admin: " + audited);
        assertEquals(AuditOutcome.SUCCEEDED, audited.get(0).outcome());
        assertEquals("siti", audited.get(0).actor());
        assertEquals(LoginAudit.ACTION, audited.get(0).action());

        audit.handleEvent(login("success", "siti", "/127.0.0.1:40022", "admin"));
        audit.handleEvent(login("success", "siti", "/127.0.0.1:40023", "admin"));
        audit.handleEvent(login("success", "operator", "/127.0.0.1:40024", "viewer"));
        audit.handleEvent(login("failure", "operator", "/127.0.0.1:40025"));
        audit.handleEvent(login("failure", "operator", "/127.0.0.1:40026"));
        audit.handleEvent(login("attempt", "operator", "/127.0.0.1:40027"));
        Event doctor = login("failure", "karaf", "local");
        ((Subject) doctor.getProperty("subject")).getPrincipals().clear();
        ((Subject) doctor.getProperty("subject")).getPrincipals().add(new ClientPrincipal("module:doctor", "local"));
        audit.handleEvent(doctor);
        assertEquals(List.of("siti rest-token 10.0.0.1 SUCCEEDED", "siti ssh 127.0.0.1 SUCCEEDED",
                        "operator ssh 127.0.0.1 REFUSED", "operator ssh 127.0.0.1 REFUSED"),
                audited.stream().map(e -> e.actor() + " " + e.subject() + " " + e.outcome()).toList());

        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        audit.handleEvent(login("success", "siti", "/127.0.0.1:40030", "admin"));
        assertEquals(5, audited.size(), "after the window, a login is a new entry");
    }

    @Test
    void withoutTheLoginCacheAdminLoginsAreStillOneEntryAMinute() {
        LoginAudit uncached = new LoginAudit(nanos::get);
        uncached.setAudit(auditLog);
        uncached.configure(new WebConfigAdapter(AccessFilterTest.config(0, 0)) {
            @Override
            public int authCacheSeconds() {
                return 0;
            }
        });
        for (int i = 0; i < 50; i++) {
            uncached.handleEvent(login("success", "siti", "/127.0.0.1:" + (40000 + i), "admin"));
        }
        assertEquals(1, audited.size(), audited.toString());
    }

    @Test
    void addressesAreRecordedWithoutPorts() {
        assertEquals("127.0.0.1", LoginAudit.Origin.of("ssh", "/127.0.0.1:40022").address());
        assertEquals("2001:db8::1", LoginAudit.Origin.of("ssh", "/[2001:db8::1]:22").address());
        assertEquals("2001:db8::1", LoginAudit.Origin.of("rest", "2001:db8::1").address());
    }

    private static Event login(String type, String user, String address, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", address));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("type", type);
        properties.put("username", user);
        properties.put("subject", subject);
        return new Event(LoginAudit.TOPIC + type.toUpperCase(), properties);
    }

    /** A configuration that answers as another, except where a test overrides it. */
    private static class WebConfigAdapter implements WebConfig {
        private final WebConfig base;

        WebConfigAdapter(WebConfig base) {
            this.base = base;
        }

        @Override
        public Class<? extends java.lang.annotation.Annotation> annotationType() {
            return WebConfig.class;
        }

        @Override
        public long maxRequestBytes() {
            return base.maxRequestBytes();
        }

        @Override
        public String realm() {
            return base.realm();
        }

        @Override
        public int authCacheSeconds() {
            return base.authCacheSeconds();
        }

        @Override
        public int publicRequestsPerMinute() {
            return base.publicRequestsPerMinute();
        }

        @Override
        public int failedLoginsPerMinute() {
            return base.failedLoginsPerMinute();
        }

        @Override
        public int tokenCacheSeconds() {
            return base.tokenCacheSeconds();
        }
    }
}
