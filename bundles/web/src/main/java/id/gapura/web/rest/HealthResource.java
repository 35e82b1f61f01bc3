package id.gapura.web.rest;

import id.gapura.api.Health;
import id.gapura.api.ModuleCatalog;
import id.gapura.api.ModuleStatus;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import id.gapura.api.RestApplications;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/health}, in the whiteboard's default application: 200 when the platform and every installed module can serve, 503 otherwise. */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Reference
    private ModuleCatalog catalog;

    public record Report(String status, Health platform, Map<String, Health> modules) {
    }

    @GET
    public Response health() {
        Health platform = catalog.platformHealth();
        Map<String, Health> modules = new LinkedHashMap<>();
        for (ModuleStatus module : catalog.modules()) {
            if (module.installed()) {
                modules.put(module.descriptor().id(),
                        module.currentHealth());
            }
        }
        boolean up = platform.up() && modules.values().stream().allMatch(Health::up);
        return Response.status(up ? 200 : 503).entity(new Report(up ? "UP" : "DOWN", platform, modules)).build();
    }
}
