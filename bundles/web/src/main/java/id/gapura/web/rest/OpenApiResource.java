package id.gapura.web.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.web.internal.Endpoint;
import id.gapura.web.internal.EndpointCatalog;
import id.gapura.web.internal.OpenApiDescription;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 description of every REST API deployed now, the platform's and each
 * installed module's, read from the resources themselves; it changes as modules come and go. Public: it describes
 * operations, not data, and every protected operation still refuses callers without its role.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + RestApplications.PLATFORM + ")")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Public
@Path("openapi.json")
public class OpenApiResource {

    private final EndpointCatalog catalog;
    private final OpenApiDescription description;
    /** Reading every resource takes a while: the document is kept until what is deployed changes. */
    private final AtomicReference<Written> last = new AtomicReference<>();

    private record Written(Set<EndpointCatalog.Resource> resources, List<Endpoint> endpoints, String json) {
    }

    @Activate
    public OpenApiResource(@Reference EndpointCatalog catalog, BundleContext context) {
        this.catalog = catalog;
        this.description = new OpenApiDescription(context.getBundle().getVersion().toString());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        Set<EndpointCatalog.Resource> resources = catalog.resources();
        List<Endpoint> endpoints = catalog.endpoints();
        Written written = last.get();
        if (written == null || !written.resources().equals(resources) || !written.endpoints().equals(endpoints)) {
            written = new Written(resources, endpoints, write(resources, endpoints));
            last.set(written);
        }
        return written.json();
    }

    private String write(Set<EndpointCatalog.Resource> resources, List<Endpoint> endpoints) {
        try {
            return OpenApiDescription.write(description.describe(resources, endpoints));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The OpenAPI description could not be written", e);
        }
    }
}
