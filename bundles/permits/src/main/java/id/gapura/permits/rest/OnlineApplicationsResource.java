package id.gapura.permits.rest;

import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.Caller;
import id.gapura.permits.internal.Views;
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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * The applicant's own channel: file online, follow the application by its registration number, and submit
 * or resubmit it (with the documents that were missing). The registration number is random and printed only
 * on the applicant's receipt; these views show no personal data.
 */
@Component(service = OnlineApplicationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.permits)")
@Public
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("online/applications")
@Produces(MediaType.APPLICATION_JSON)
public class OnlineApplicationsResource {

    @Reference
    private Applications applications;

    public record Submission(List<String> documents, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(Applications.Filing filing) {
        Views.Application filed = applications.file(filing, "online", Caller.applicant());
        return Response.created(UriBuilder.fromResource(OnlineApplicationsResource.class)
                        .path(filed.registrationNumber()).build())
                .entity(applications.tracking(filed.registrationNumber())).build();
    }

    @GET
    @Path("/{registrationNumber}")
    public Views.Tracking track(@PathParam("registrationNumber") String registrationNumber) {
        return applications.tracking(registrationNumber);
    }

    /** Submits a draft, or resubmits an application returned as incomplete. */
    @POST
    @Path("/{registrationNumber}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.Tracking submit(@PathParam("registrationNumber") String registrationNumber, Submission submission) {
        Views.Tracking current = applications.tracking(registrationNumber);
        String step = "returned".equals(current.stage()) ? "resubmit" : "submit";
        applications.step(registrationNumber, new Applications.StepRequest(step,
                submission == null ? null : submission.note(), submission == null ? null : submission.documents(),
                null, null, null, null, null, null), Caller.applicant());
        return applications.tracking(registrationNumber);
    }
}
