package id.gapura.web.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
import java.util.Map;

/**
 * Sees every resource method of each build of every Gapura application (JAX-RS calls a dynamic feature once per
 * method) and records it in the {@link EndpointCatalog}. It changes nothing in the application: enforcement is
 * {@link AccessFilter}'s, which checks whatever method was matched, so a method missed here is still protected.
 */
@Component(service = DynamicFeature.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
public class EndpointRecorder implements DynamicFeature {

    static final String APPLICATION_PROPERTIES = "osgi.jaxrs.application.serviceProperties";

    private final EndpointCatalog catalog;

    @Activate
    public EndpointRecorder(@Reference EndpointCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (resourceInfo.getResourceMethod() != null) {
            catalog.add(this, applicationBase(context), resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        }
    }

    /** Aries puts the application's service properties into every extension's configuration under this key. */
    private static String applicationBase(FeatureContext context) {
        Object properties = context.getConfiguration().getProperty(APPLICATION_PROPERTIES);
        Object base = properties instanceof Map<?, ?> map ? map.get(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE) : null;
        return base == null ? "" : base.toString();
    }

    @Deactivate
    void deactivate() {
        catalog.withdraw(this);
    }
}
