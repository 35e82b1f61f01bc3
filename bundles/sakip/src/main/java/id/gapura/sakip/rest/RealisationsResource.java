package id.gapura.sakip.rest;

import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.sakip.internal.Agencies;
import id.gapura.sakip.internal.Realisations;
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
import java.util.List;

/** Quarterly realisation with evidence, and its achievement against the signed agreement's target. */
@Component(service = RealisationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.sakip)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("realisations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Callers.PLANNER, Callers.HEAD, Callers.EVALUATOR, Callers.VIEWER, Callers.ADMIN})
public class RealisationsResource {

    @Reference
    private Realisations realisations;
    @Reference
    private Agencies agencies;

    @GET
    @Path("/{agency}/{year}")
    public List<Realisations.Realisation> list(@PathParam("agency") String agency, @PathParam("year") int year,
                                               @Context SecurityContext security) {
        Callers.reader(security, agencies, agency);
        return realisations.list(agency, year);
    }

    /** {"value":..., "note":..., "link":..., "attachment":{"name","contentType","base64"}}; quarter 1–4. */
    @PUT
    @Path("/{agency}/{year}/{indicator}/{quarter}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.PLANNER, Callers.ADMIN})
    public Realisations.Realisation record(@PathParam("agency") String agency, @PathParam("year") int year,
                                           @PathParam("indicator") String indicator, @PathParam("quarter") int quarter,
                                           Realisations.RealisationInput input, @Context SecurityContext security) {
        return realisations.record(agency, year, indicator, quarter, input, Callers.of(security, agencies));
    }

    @GET
    @Path("/{agency}/{year}/{indicator}/{quarter}/attachment")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("agency") String agency, @PathParam("year") int year,
                               @PathParam("indicator") String indicator, @PathParam("quarter") int quarter,
                               @Context SecurityContext security) {
        Callers.reader(security, agencies, agency);
        Realisations.Attachment attachment = realisations.attachment(agency, year, indicator, quarter);
        return Response.ok(attachment.content(), attachment.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + attachment.name().replace("\"", "") + "\"")
                .build();
    }
}
