package id.gapura.complaints.rest;

import id.gapura.api.ProblemException;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.Officer;
import org.osgi.service.component.annotations.Activate;
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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import java.util.List;

/** The region's agencies (OPD) that answer reports: public to read, kept by the administrator or coordinator. */
@Component(service = AgenciesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.complaints)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgenciesResource {

    private final CatalogService catalog;

    @Activate
    public AgenciesResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    public record Agency(String code, String name, boolean active) {
    }

    /** The agency's whole new state; {@code active} is true when left out. */
    public record AgencyBody(String name, Boolean active) {
    }

    /** Every agency, active or not, by name: agency names are public information. */
    @GET
    @Public
    public List<Agency> agencies() {
        return catalog.agencies().stream().map(AgenciesResource::view).toList();
    }

    @GET
    @Public
    @Path("/{code}")
    public Agency agency(@PathParam("code") String code) {
        return catalog.agency(code).map(AgenciesResource::view).orElseThrow(() -> ProblemException.notFound(
                "No agency has code '" + code + "'; GET /api/complaints/agencies lists them."));
    }

    /** Creates (201) or updates (200) an agency; deactivating one still in use is refused with 409. */
    @PUT
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR})
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("code") String code, AgencyBody body, @Context SecurityContext security) {
        String actor = Officers.username(security);
        if (body == null) {
            throw ProblemException.badRequest("The request has no body; send the agency as JSON: {\"name\": ..., \"active\": true}.");
        }
        CatalogService.Saved<AgencyEntity> saved = catalog.putAgency(code, body.name(),
                body.active() == null || body.active(), actor);
        Agency view = view(saved.value());
        return saved.created()
                ? Response.created(UriBuilder.fromResource(AgenciesResource.class).path(code).build()).entity(view).build()
                : Response.ok(view).build();
    }

    static Agency view(AgencyEntity agency) {
        return new Agency(agency.code(), agency.name(), agency.active());
    }
}
