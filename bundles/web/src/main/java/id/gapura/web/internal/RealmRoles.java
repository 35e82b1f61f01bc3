package id.gapura.web.internal;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.security.auth.login.AppConfigurationEntry;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A user's roles as the JAAS realm has them now, without their password: through the realm's backing engine
 * (the one {@code jaas:user-list} uses; for the quick-start realm, {@code etc/users.properties} with its groups).
 * A bearer token acts with these roles, so a user removed from the realm, or a role taken away, stops working
 * through tokens as it does with passwords: after at most {@code authCacheSeconds}, for which an answer is kept.
 */
@Component(service = RealmRoles.class, configurationPid = WebConfig.PID)
public class RealmRoles {

    private static final Logger LOG = LoggerFactory.getLogger(RealmRoles.class);

    /** The roles of a user in a realm; empty when the realm does not know the user. */
    @FunctionalInterface
    interface Directory {
        Optional<Set<String>> rolesOf(String realm, String user);
    }

    private record Known(Optional<Set<String>> roles, long expiresAt) {
    }

    private final Directory directory;
    private final LongSupplier clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private volatile String realm = "karaf";
    private volatile long cacheNanos = Duration.ofSeconds(60).toNanos();

    @Activate
    public RealmRoles(BundleContext context, WebConfig config) {
        this((realm, user) -> backingEngineRoles(context, realm, user), System::nanoTime);
        configure(config);
    }

    RealmRoles(Directory directory, LongSupplier clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Modified
    void configure(WebConfig config) {
        realm = config.realm();
        cacheNanos = Duration.ofSeconds(Math.max(0, config.authCacheSeconds())).toNanos();
        known.clear();
    }

    /** The user's roles now (or at most the login cache time ago); empty when the realm has no such user. */
    public Optional<Set<String>> rolesOf(String user) {
        long now = clock.getAsLong();
        Known entry = known.get(user);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.roles();
        }
        Optional<Set<String>> roles = directory.rolesOf(realm, user);
        if (cacheNanos > 0) {
            if (known.size() >= JaasAuthenticator.MAX_REMEMBERED) {
                known.clear();
            }
            known.put(user, new Known(roles, now + cacheNanos));
        }
        return roles;
    }

    static Optional<Set<String>> backingEngineRoles(BundleContext context, String realmName, String user) {
        try {
            Optional<JaasRealm> realm = context.getServiceReferences(JaasRealm.class, null).stream()
                    .map(context::getService)
                    .filter(candidate -> candidate != null && realmName.equals(candidate.getName()))
                    .max(Comparator.comparingInt(JaasRealm::getRank));
            if (realm.isEmpty()) {
                LOG.warn("There is no JAAS realm '{}' (realm in etc/{}.cfg): bearer tokens are refused", realmName,
                        WebConfig.PID);
                return Optional.empty();
            }
            var factories = context.getServiceReferences(BackingEngineFactory.class, null);
            for (AppConfigurationEntry entry : realm.get().getEntries()) {
                Object module = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
                String moduleClass = module != null ? module.toString() : entry.getLoginModuleName();
                for (ServiceReference<BackingEngineFactory> reference : factories) {
                    BackingEngineFactory factory = context.getService(reference);
                    if (factory == null || !moduleClass.equals(factory.getModuleClass())) {
                        continue;
                    }
                    Optional<Set<String>> roles = rolesIn(factory, entry.getOptions(), user);
                    if (roles.isPresent()) {
                        return roles;
                    }
                }
            }
            return Optional.empty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Set<String>> rolesIn(BackingEngineFactory factory, Map<String, ?> options, String user) {
        try {
            BackingEngine engine = factory.build(options);
            for (UserPrincipal principal : engine.listUsers()) {
                if (principal.getName().equals(user)) {
                    Set<String> roles = new HashSet<>();
                    for (RolePrincipal role : engine.listRoles(principal)) {
                        roles.add(role.getName());
                    }
                    return Optional.of(roles);
                }
            }
        } catch (RuntimeException e) {
            // a login module of the realm whose store is absent (no etc/keys.properties): the next one may know
            LOG.debug("Backing engine {} could not list users: {}", factory.getModuleClass(), e.toString());
        }
        return Optional.empty();
    }
}
