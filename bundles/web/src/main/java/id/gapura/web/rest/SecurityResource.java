package id.gapura.web.rest;

import id.gapura.api.RestApplications;
import id.gapura.web.internal.Endpoint;
import id.gapura.web.internal.EndpointCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/security/endpoints}: every resource method deployed now, the platform's and every module's,
 * with who may call it, so that an administrator (or a test) can review them all. It carries no security
 * annotation on purpose: it is admin only by the platform's default.
 */
@Component(service = SecurityResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + RestApplications.PLATFORM + ")")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("security")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityResource {

    @Reference
    private EndpointCatalog catalog;

    @GET
    @Path("/endpoints")
    public List<Endpoint> endpoints() {
        return catalog.endpoints();
    }
}
