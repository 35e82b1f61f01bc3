package id.gapura.web.rest;

import id.gapura.api.Health;
import id.gapura.api.spi.ModuleCatalog;
import id.gapura.api.spi.ModuleStatus;
import id.gapura.api.RolesAllowed;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import id.gapura.api.RestApplications;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/modules}, in the whiteboard's default application: the modules installed in this container.
 * Not public: versions and health details help an attacker more than a citizen (a front-end learns which
 * modules serve from the public {@code /api/health}); the platform's read-only role {@code viewer} may read it.
 */
@Component(service = ModulesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + RestApplications.PLATFORM + ")")
@RolesAllowed({"admin", "viewer"})
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {

    @Reference
    private ModuleCatalog catalog;

    public record InstalledModule(String id, String name, String nameEn, String version, String api, String state,
                                  Health health) {
    }

    @GET
    public List<InstalledModule> installed() {
        return catalog.modules().stream()
                .filter(ModuleStatus::installed)
                .map(module -> new InstalledModule(module.descriptor().id(), module.descriptor().name(),
                        module.descriptor().nameEn(), module.descriptor().version(),
                        module.descriptor().apiPath() + "/", module.state().name().toLowerCase(Locale.ROOT),
                        module.currentHealth()))
                .toList();
    }
}
