package id.gapura.core.internal;

import id.gapura.api.ModuleDescriptor;
import id.gapura.api.RestApplications;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.ws.rs.core.Application;
import java.util.Hashtable;

/**
 * Gives every started module bundle its own JAX-RS application at its API path ({@code Gapura-Module-Api}),
 * named {@code gapura.<id>}: the whiteboard builds one CXF server per application, so a module that comes or goes
 * rebuilds its own server and no other. The application is registered with the module bundle's context, so it
 * leaves with the bundle.
 */
@Component(immediate = true)
public class ModuleApplications {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleApplications.class);

    private BundleTracker<ServiceRegistration<Application>> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public ServiceRegistration<Application> addingBundle(Bundle bundle, BundleEvent event) {
                return register(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<Application> registration) {
                unregister(registration);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private static ServiceRegistration<Application> register(Bundle bundle) {
        String id = bundle.getHeaders("").get(ModuleDescriptor.ID_HEADER);
        String base = bundle.getHeaders("").get(ModuleDescriptor.API_HEADER);
        BundleContext context = bundle.getBundleContext();
        if (id == null || base == null || context == null) {
            return null;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE, base.strip());
        properties.put(JaxrsWhiteboardConstants.JAX_RS_NAME, RestApplications.applicationName(id.strip()));
        properties.put(RestApplications.GAPURA_APPLICATION, Boolean.TRUE);
        try {
            return context.registerService(Application.class, new Application(), properties);
        } catch (IllegalStateException stopping) {
            LOG.debug("Module bundle {} stopped before its JAX-RS application was registered", bundle.getSymbolicName());
            return null;
        }
    }

    private static void unregister(ServiceRegistration<Application> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }
}
