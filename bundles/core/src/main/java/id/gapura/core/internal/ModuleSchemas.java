package id.gapura.core.internal;

import id.gapura.api.ModuleDescriptor;
import id.gapura.api.ModuleSchema;
import id.gapura.api.SchemaMigrator.MigrationReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The module extender's schema half: when a module bundle starts, runs the migrations it ships under
 * {@code db/<id>/} on a thread of its own (never the component runtime's, never the features installer's), then
 * registers the module's {@link ModuleSchema} with the module bundle's context, which the module's components wait
 * for. A failed migration leaves the module without it, so the module does not serve; the failure is kept for the
 * bundle until it starts again, and logged once in one line.
 */
@Component(service = ModuleSchemas.class, immediate = true)
public class ModuleSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleSchemas.class);

    private final PlatformDatabase database;
    private final RestReadiness readiness;
    private final ExecutorService migrations = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gapura-migrations");
        thread.setDaemon(true);
        return thread;
    });
    /** The outcome per started module bundle: there while the bundle is started. */
    private final Map<Bundle, Outcome> outcomes = new ConcurrentHashMap<>();
    private final BundleTracker<Bundle> tracker;

    @Activate
    public ModuleSchemas(@Reference PlatformDatabase database, @Reference RestReadiness readiness,
                         BundleContext context) {
        this.database = database;
        this.readiness = readiness;
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                Optional<ModuleDescriptor> module = ModuleDescriptor.fromHeaders(bundle.getHeaders("")::get);
                if (module.isEmpty()) {
                    return null;
                }
                outcomes.put(bundle, Outcome.PENDING);
                migrations.execute(() -> migrate(bundle, module.get()));
                return bundle;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
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

    private static ServiceRegistration<ModuleSchema> register(Bundle bundle, String id, String version) {
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return null;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ModuleSchema.MODULE_ID, id);
        try {
            return context.registerService(ModuleSchema.class, new Migrated(id, version), properties);
        } catch (IllegalStateException stopped) {
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
