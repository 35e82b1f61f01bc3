package id.gapura.permits.rest;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.Views;
import id.gapura.permits.workflow.Roles;
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
import javax.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * Applications for officers: filing at the front office on an applicant's behalf, the workflow steps, lists
 * by stage and type, and the applications nearing or past their service-level deadline.
 */
@Component(service = ApplicationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.permits)")
@RolesAllowed({Roles.FRONT_OFFICE, Roles.BACK_OFFICE, Roles.TECHNICAL, Roles.HEAD, Roles.VIEWER, Roles.ADMIN})
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationsResource {

    @Reference
    private Applications applications;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FRONT_OFFICE, Roles.ADMIN})
    public Response file(Applications.Filing filing, @Context SecurityContext security) {
        Views.Application filed = applications.file(filing, "front_office", Callers.of(security));
        return Response.created(UriBuilder.fromResource(ApplicationsResource.class).path(filed.registrationNumber()).build())
                .entity(filed).build();
    }

    @GET
    public List<Views.Summary> list(@QueryParam("stage") String stage, @QueryParam("type") String type,
                                    @QueryParam("limit") Integer limit) {
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw ProblemException.invalid(List.of(new FieldError("limit", "must be 1 to 1000")));
        }
        return applications.list(stage, type, limit == null ? 100 : limit);
    }

    /** Running clocks past their deadline or with at most {@code days} working days left (default from the settings). */
    @GET
    @Path("/attention")
    public List<Views.Summary> attention(@QueryParam("days") Integer days) {
        return applications.attention(days);
    }

    @GET
    @Path("/{registrationNumber}")
    public Views.Application get(@PathParam("registrationNumber") String registrationNumber) {
        return applications.view(registrationNumber);
    }

    @POST
    @Path("/{registrationNumber}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FRONT_OFFICE, Roles.BACK_OFFICE, Roles.TECHNICAL, Roles.HEAD, Roles.ADMIN})
    public Views.Application step(@PathParam("registrationNumber") String registrationNumber,
                                  Applications.StepRequest step, @Context SecurityContext security) {
        return applications.step(registrationNumber, step, Callers.of(security));
    }
}
