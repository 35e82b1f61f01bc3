package id.gapura.complaints.rest;

import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.CatalogService;
import id.gapura.complaints.internal.LiaisonEntity;
import id.gapura.complaints.internal.Officer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which agency each liaison officer (Admin Penghubung) answers for. The user also needs the role
 * complaints-liaison, given where users are managed; this only says for which agency.
 */
@Component(service = LiaisonsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.complaints)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("liaisons")
@Produces(MediaType.APPLICATION_JSON)
public class LiaisonsResource {

    private final CatalogService catalog;

    @Activate
    public LiaisonsResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    public record Liaison(String username, String agency, String agencyName) {
    }

    /** @param agency the code of the agency the officer answers for */
    public record Assignment(String agency) {
    }

    @GET
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR})
    public List<Liaison> liaisons() {
        Map<String, String> names = names();
        return catalog.liaisons().stream().map(l -> view(l, names)).toList();
    }

    @GET
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR})
    @Path("/{username}")
    public Liaison liaison(@PathParam("username") String username) {
        return catalog.liaison(username).map(l -> view(l, names())).orElseThrow(() -> ProblemException.notFound(
                "User '" + username + "' is not assigned as a liaison officer; GET /api/complaints/liaisons lists who is."));
    }

    /** Assigns the user to an agency (201 when new, 200 when it replaces an earlier assignment). */
    @PUT
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR})
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("username") String username, Assignment body, @Context SecurityContext security) {
        String actor = Officers.username(security);
        if (body == null) {
            throw ProblemException.badRequest("The request has no body; send {\"agency\": \"<agency code>\"}.");
        }
        CatalogService.Saved<LiaisonEntity> saved = catalog.assignLiaison(username, body.agency(), actor);
        Liaison view = view(saved.value(), names());
        return saved.created()
                ? Response.created(UriBuilder.fromResource(LiaisonsResource.class).path(username).build()).entity(view).build()
                : Response.ok(view).build();
    }

    /** Ends the assignment (204); the user no longer sees any agency's reports. */
    @DELETE
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR})
    @Path("/{username}")
    public Response remove(@PathParam("username") String username, @Context SecurityContext security) {
        catalog.removeLiaison(username, Officers.username(security));
        return Response.noContent().build();
    }

    private Map<String, String> names() {
        return catalog.agencies().stream().collect(Collectors.toMap(AgencyEntity::code, AgencyEntity::name));
    }

    private static Liaison view(LiaisonEntity liaison, Map<String, String> names) {
        return new Liaison(liaison.username(), liaison.agencyCode(), names.get(liaison.agencyCode()));
    }
}
