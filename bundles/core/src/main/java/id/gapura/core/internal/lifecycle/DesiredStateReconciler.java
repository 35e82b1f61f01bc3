package id.gapura.core.internal.lifecycle;

import id.gapura.core.ModuleManager;
import id.gapura.core.ModuleOperationException;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Once Karaf has installed its boot features, installs the modules the region wants but this container
 * lacks (after {@code bin/karaf clean}, or on a new node sharing the region's database); and again whenever a
 * features repository is added, because the version a module had may come later, from a KAR in {@code deploy/}.
 */
@Component(immediate = true)
public class DesiredStateReconciler implements FeaturesListener {

    static final String ACTOR = "gapura (desired state)";
    private static final Logger LOG = LoggerFactory.getLogger(DesiredStateReconciler.class);

    private final ExecutorService executor;
    private final ModuleManager modules;
    private final FeaturesService features;

    @Activate
    public DesiredStateReconciler(@Reference BootFinished bootFinished, @Reference ModuleManager modules,
                                  @Reference FeaturesService features) {
        this(modules, features, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gapura-desired-state");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** For tests: the executor that converges, off the thread that activates the component or sends the event. */
    DesiredStateReconciler(ModuleManager modules, FeaturesService features, ExecutorService executor) {
        this.modules = modules;
        this.features = features;
        this.executor = executor;
        executor.execute(this::converge);
        features.registerListener(this);
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        if (event.getType() == RepositoryEvent.EventType.RepositoryAdded && !event.isReplay()) {
            executor.execute(this::converge);
        }
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        // installs and uninstalls are the module manager's own doing
    }

    private void converge() {
        try {
            modules.converge(ACTOR).forEach(outcome -> LOG.info("Restored module {} {} from the desired state",
                    outcome.id(), outcome.version()));
        } catch (ModuleOperationException e) {
            LOG.error("Could not restore the desired modules: {}", e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        features.unregisterListener(this);
        executor.shutdownNow();
    }
}
