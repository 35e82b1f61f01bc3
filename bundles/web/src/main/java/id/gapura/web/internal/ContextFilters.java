package id.gapura.web.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

import javax.servlet.Filter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

/**
 * Puts {@link SecurityHeaders}, {@link ServletFailureFilter}, {@link RequestCharsetFilter} and
 * {@link ServiceDescriptionFilter} in front of every HTTP context, the default one
 * and each JAX-RS application's, with one filter registration per context. A single registration selecting every
 * context ({@code (osgi.http.whiteboard.context.name=*)}) is re-registered by Pax Web in all contexts whenever a
 * context comes or goes, and a request that arrives in another module's context during that change fails with
 * Jetty's "404 javax.servlet.UnavailableException" (seen under load while a module was installed and uninstalled).
 * Per context, a module's context coming or going touches only its own filters.
 */
@Component(immediate = true)
public class ContextFilters {

    private final BundleContext bundleContext;
    /** Guarded by this component's lock, as are all its methods that change it. */
    private final Map<String, List<ServiceRegistration<Filter>>> byContext = new HashMap<>();

    /** DS binds the contexts after the constructor, so the bundle context is there for them. */
    @Activate
    public ContextFilters(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Reference(service = ServletContextHelper.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    synchronized void addContext(ServiceReference<ServletContextHelper> context) {
        Object name = context.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME);
        if (name == null) {
            return;
        }
        register(name.toString());
    }

    synchronized void removeContext(ServiceReference<ServletContextHelper> context) {
        Object name = context.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME);
        if (name != null) {
            unregister(byContext.remove(name.toString()));
        }
    }

    @Deactivate
    synchronized void deactivate() {
        byContext.values().forEach(ContextFilters::unregister);
        byContext.clear();
    }

    private synchronized void register(String contextName) {
        if (byContext.containsKey(contextName)) {
            return;
        }
        List<ServiceRegistration<Filter>> registrations = new ArrayList<>();
        // headers first, so that the other filter's answers carry them too
        registrations.add(register(contextName, "gapura.security-headers", 100, new SecurityHeaders()));
        registrations.add(register(contextName, "gapura.servlet-failures", 97, new ServletFailureFilter()));
        registrations.add(register(contextName, "gapura.request-charset", 95, new RequestCharsetFilter()));
        registrations.add(register(contextName, "gapura.no-wadl", 90, new ServiceDescriptionFilter()));
        byContext.put(contextName, registrations);
    }

    private ServiceRegistration<Filter> register(String contextName, String filterName, int ranking, Filter filter) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME, filterName);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_PATTERN, "/*");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT,
                "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + escape(contextName) + ")");
        properties.put("service.ranking", ranking);
        return bundleContext.registerService(Filter.class, filter, properties);
    }

    private static void unregister(List<ServiceRegistration<Filter>> registrations) {
        if (registrations == null) {
            return;
        }
        for (ServiceRegistration<Filter> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered with the bundle
            }
        }
    }

    /** RFC 1960 filter value escaping of a context name. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
