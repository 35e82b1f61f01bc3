package id.gapura.core.internal;

import id.gapura.api.spi.ModuleDescriptor;
import id.gapura.api.ModuleSchema;
import id.gapura.api.RestApplications;
import id.gapura.api.spi.SchemaMigrator.MigrationReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.ws.rs.core.Application;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The module extender: one {@link BundleTracker} over the started bundles with {@code Gapura-Module-*} headers.
 * For each module bundle, with the module bundle's own context (so that it all leaves with the bundle):
 * <ul>
 * <li>its JAX-RS application {@code gapura.<id>} at its API path ({@code Gapura-Module-Api}); the whiteboard builds
 * one CXF server per application, so a module that comes or goes rebuilds its own server and no other;</li>
 * <li>its schema: the migrations it ships under {@code db/<id>/} run on a thread of their own (never the component
 * runtime's, never the features installer's), then its {@link ModuleSchema} is registered, which the module's
 * components wait for. A failed migration leaves the module without it, so the module does not serve; the failure
 * is kept for the bundle until it starts again, and logged once in one line.</li>
 * </ul>
 */
@Component(service = ModuleExtender.class, immediate = true)
public class ModuleExtender {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleExtender.class);

    private final PlatformDatabase database;
    private final RestReadiness readiness;
    private final ExecutorService migrations = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gapura-migrations");
        thread.setDaemon(true);
        return thread;
    });
    /** The outcome per started module bundle: there while the bundle is started. */
    private final Map<Bundle, Outcome> outcomes = new ConcurrentHashMap<>();
    private final BundleTracker<ServiceRegistration<Application>> tracker;

    @Activate
    public ModuleExtender(@Reference PlatformDatabase database, @Reference RestReadiness readiness,
                         BundleContext context) {
        this.database = database;
        this.readiness = readiness;
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public ServiceRegistration<Application> addingBundle(Bundle bundle, BundleEvent event) {
                Optional<ModuleDescriptor> module = ModuleDescriptor.fromHeaders(bundle.getHeaders("")::get);
                if (module.isEmpty() || bundle.getBundleContext() == null) {
                    return null;
                }
                ServiceRegistration<Application> application = registerApplication(bundle, module.get());
                if (application == null) {
                    return null;
                }
                outcomes.put(bundle, Outcome.PENDING);
                migrations.execute(() -> migrate(bundle, module.get()));
                return application;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<Application> application) {
                unregister(application);
                Outcome outcome = outcomes.remove(bundle);
                if (outcome != null && outcome.registration != null) {
                    unregister(outcome.registration);
                }
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        migrations.shutdown();
        // a migration under way finishes in its own transaction; waiting keeps the database out of a half state
        migrations.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Why the bundle's migrations failed, while it stays started; empty while they run or after they succeeded. */
    public Optional<String> failure(Bundle bundle) {
        Outcome outcome = outcomes.get(bundle);
        return outcome == null ? Optional.empty() : Optional.ofNullable(outcome.failure);
    }

    private void migrate(Bundle bundle, ModuleDescriptor module) {
        if (!outcomes.containsKey(bundle)) {
            return;
        }
        Outcome outcome;
        try {
            MigrationReport report = database.migrate(module.id(), module.tablePrefix(), bundle);
            outcome = Outcome.ready(register(bundle, module.id(), report.versionAfter()));
        } catch (RuntimeException e) {
            String reason = database.migrationFailure(module.id()).orElse(String.valueOf(e.getMessage()));
            LOG.error("Module {} ({} {}) does not serve: {}", module.id(), bundle.getSymbolicName(),
                    bundle.getVersion(), reason);
            outcome = Outcome.failed(reason);
        }
        if (outcomes.replace(bundle, Outcome.PENDING, outcome)) {
            readiness.changed();
        } else if (outcome.registration != null) {
            unregister(outcome.registration);
        }
    }

    private static ServiceRegistration<Application> registerApplication(Bundle bundle, ModuleDescriptor module) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE, module.apiPath());
        properties.put(JaxrsWhiteboardConstants.JAX_RS_NAME, RestApplications.applicationName(module.id()));
        properties.put(RestApplications.GAPURA_APPLICATION, Boolean.TRUE);
        return register(bundle, Application.class, new Application(), properties);
    }

    private static ServiceRegistration<ModuleSchema> register(Bundle bundle, String id, String version) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ModuleSchema.MODULE_ID, id);
        return register(bundle, ModuleSchema.class, new Migrated(id, version), properties);
    }

    /** Registered with the module bundle's context; {@code null} when the bundle stopped meanwhile. */
    private static <S> ServiceRegistration<S> register(Bundle bundle, Class<S> type, S service,
                                                       Hashtable<String, Object> properties) {
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return null;
        }
        try {
            return context.registerService(type, service, properties);
        } catch (IllegalStateException stopped) {
            LOG.debug("Module bundle {} stopped before its {} was registered", bundle.getSymbolicName(),
                    type.getSimpleName());
            return null;
        }
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }

    private record Migrated(String moduleId, String version) implements ModuleSchema {
    }

    private record Outcome(ServiceRegistration<ModuleSchema> registration, String failure) {
        static final Outcome PENDING = new Outcome(null, null);

        static Outcome ready(ServiceRegistration<ModuleSchema> registration) {
            return new Outcome(registration, null);
        }

        static Outcome failed(String failure) {
            return new Outcome(null, failure);
        }
    }
}
