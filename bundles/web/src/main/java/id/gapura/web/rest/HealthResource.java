package id.gapura.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.gapura.api.Health;
import id.gapura.api.spi.ModuleCatalog;
import id.gapura.api.spi.ModuleStatus;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/health}, in the whiteboard's default application: 200 when the platform and every installed
 * module can serve, 503 otherwise. Public, for load balancers and monitors: anyone sees up or down per module;
 * the details (database product, failure reasons) only callers with the {@code admin} or {@code viewer} role.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + RestApplications.PLATFORM + ")")
@Public
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Reference
    private ModuleCatalog catalog;

    public record Report(String status, Status platform, Map<String, Status> modules) {
    }

    /** Up or down; the detail only for callers allowed to see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(boolean up, String detail) {

        static Status of(Health health, boolean detailed) {
            return new Status(health.up(), detailed ? health.detail() : null);
        }
    }

    @GET
    public Response health(@Context SecurityContext caller) {
        boolean detailed = caller != null && (caller.isUserInRole("admin") || caller.isUserInRole("viewer"));
        Health platform = catalog.platformHealth();
        Map<String, Status> modules = new LinkedHashMap<>();
        boolean up = platform.up();
        for (ModuleStatus module : catalog.modules()) {
            if (module.installed()) {
                Health health = module.currentHealth();
                up &= health.up();
                modules.put(module.descriptor().id(), Status.of(health, detailed));
            }
        }
        return Response.status(up ? 200 : 503)
                .entity(new Report(up ? "UP" : "DOWN", Status.of(platform, detailed), modules)).build();
    }
}
