package id.gapura.sakip.rest;

import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.sakip.internal.Agencies;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import java.util.List;

/** SAKIP's agencies: public to read; the administrator adds and renames them. */
@Component(service = AgenciesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.sakip)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgenciesResource {

    @Reference
    private Agencies agencies;

    public record Name(String name) {
    }

    @GET
    @Public
    public List<Agencies.Agency> agencies() {
        return agencies.list();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.ADMIN)
    public Agencies.Agency put(@PathParam("code") String code, Name name, @Context SecurityContext security) {
        return agencies.put(code, name == null ? null : name.name(), Callers.of(security, agencies));
    }
}
