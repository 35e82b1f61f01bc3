package id.gapura.web.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code OPTIONS}: 204 with {@code Allow} naming the methods that really answer at that path, or 404 problem+json
 * where nothing does. The API serves no browser from another origin (no CORS), so nothing else is said; CXF's own
 * answer listed every method of the resource class.
 */
@Component(service = ContainerRequestFilter.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class OptionsAnswer implements ContainerRequestFilter {

    private final EndpointCatalog catalog;

    @Activate
    public OptionsAnswer(@Reference EndpointCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equalsIgnoreCase(request.getMethod())) {
            return;
        }
        Set<String> allowed = AllowedMethods.at(catalog.endpoints(), paths(request.getUriInfo()));
        if (allowed.isEmpty()) {
            request.abortWith(Problem.of(404, "Not Found", "There is no resource at this address. If it belongs to "
                    + "a module, check that the module is installed (GET /api/modules).").toResponse());
            return;
        }
        request.abortWith(Response.noContent().header("Allow", String.join(", ", allowed)).build());
    }

    /** The request's path whole and relative to its application, as endpoints record either. */
    static List<String> paths(UriInfo uri) {
        Set<String> paths = new LinkedHashSet<>();
        String relative = uri.getPath() == null ? "" : uri.getPath();
        paths.add("/" + relative);
        if (uri.getBaseUri() != null && uri.getBaseUri().getPath() != null) {
            paths.add(uri.getBaseUri().getPath() + "/" + relative);
        }
        return List.copyOf(paths);
    }
}
