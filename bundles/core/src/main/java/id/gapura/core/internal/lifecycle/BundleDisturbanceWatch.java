package id.gapura.core.internal.lifecycle;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the bundles that were already there when an operation began and that the operation stopped,
 * refreshed or updated without removing them: the collateral damage of installing or removing a module,
 * which must be zero.
 */
final class BundleDisturbanceWatch implements SynchronousBundleListener, AutoCloseable {

    private final BundleContext context;
    private final Set<Long> before = new HashSet<>();
    private final Set<Long> disturbed = ConcurrentHashMap.newKeySet();
    private final Set<Long> removed = ConcurrentHashMap.newKeySet();

    private BundleDisturbanceWatch(BundleContext context) {
        this.context = context;
        for (Bundle bundle : context.getBundles()) {
            before.add(bundle.getBundleId());
        }
    }

    static BundleDisturbanceWatch start(BundleContext context) {
        BundleDisturbanceWatch watch = new BundleDisturbanceWatch(context);
        context.addBundleListener(watch);
        return watch;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (!before.contains(id)) {
            return;
        }
        switch (event.getType()) {
            case BundleEvent.STOPPED, BundleEvent.UNRESOLVED, BundleEvent.UPDATED -> disturbed.add(id);
            case BundleEvent.UNINSTALLED -> removed.add(id);
            default -> {
                // installing, resolving and starting are what an install is expected to do
            }
        }
    }

    int disturbedCount() {
        Set<Long> count = new HashSet<>(disturbed);
        count.removeAll(removed);
        return count.size();
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
    }
}
