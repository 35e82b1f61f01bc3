package id.gapura.sakip.rest;

import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.sakip.internal.Agencies;
import id.gapura.sakip.internal.Plans;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;

/** Renstra: a planner enters the agency's 5-year plan whole; every SAKIP role reads (planners and heads their own). */
@Component(service = RenstraResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.sakip)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("renstra")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Callers.PLANNER, Callers.HEAD, Callers.EVALUATOR, Callers.VIEWER, Callers.ADMIN})
public class RenstraResource {

    @Reference
    private Plans plans;
    @Reference
    private Agencies agencies;

    @GET
    public List<Plans.RenstraSummary> list(@QueryParam("agency") String agency, @Context SecurityContext security) {
        return plans.list(Callers.scope(Callers.reader(security, agencies), agency));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.PLANNER, Callers.ADMIN})
    public Response create(Plans.RenstraInput input, @Context SecurityContext security) {
        Plans.Renstra renstra = plans.create(input, Callers.of(security, agencies));
        return Response.created(URI.create("/api/sakip/renstra/" + renstra.agencyCode() + "/" + renstra.startYear()))
                .entity(renstra).build();
    }

    @GET
    @Path("/{agency}/{startYear}")
    public Plans.Renstra renstra(@PathParam("agency") String agency, @PathParam("startYear") int startYear,
                                 @Context SecurityContext security) {
        Callers.reader(security, agencies, agency);
        return plans.renstra(agency, startYear);
    }
}
