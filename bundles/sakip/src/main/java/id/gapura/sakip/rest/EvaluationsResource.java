package id.gapura.sakip.rest;

import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.sakip.internal.Agencies;
import id.gapura.sakip.internal.Evaluations;
import id.gapura.sakip.internal.Lke;
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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import java.util.List;

/** The LKE evaluation: the inspectorate (sakip-evaluator) enters the worksheet; total and grade per agency and year. */
@Component(service = EvaluationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.sakip)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("evaluations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Callers.PLANNER, Callers.HEAD, Callers.EVALUATOR, Callers.VIEWER, Callers.ADMIN})
public class EvaluationsResource {

    @Reference
    private Evaluations evaluations;
    @Reference
    private Agencies agencies;

    public record Worksheet(List<Lke.Component> components, List<Lke.SubComponent> subcomponents, List<Lke.Item> items) {
    }

    /** The worksheet's components, sub-components and each item's weight in the total. */
    @GET
    @Path("/worksheet")
    public Worksheet worksheet(@Context SecurityContext security) {
        Callers.reader(security, agencies);
        return new Worksheet(Lke.COMPONENTS, Lke.SUBCOMPONENTS, Lke.ITEMS);
    }

    /** History: every evaluated year, newest first; {@code ?agency=} for one agency (planners and heads: their own). */
    @GET
    public List<Evaluations.Summary> history(@QueryParam("agency") String agency, @Context SecurityContext security) {
        return evaluations.history(Callers.scope(Callers.reader(security, agencies), agency));
    }

    @GET
    @Path("/{agency}/{year}")
    public Evaluations.Evaluation evaluation(@PathParam("agency") String agency, @PathParam("year") int year,
                                             @Context SecurityContext security) {
        Callers.reader(security, agencies, agency);
        return evaluations.evaluation(agency, year);
    }

    @PUT
    @Path("/{agency}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.EVALUATOR, Callers.ADMIN})
    public Evaluations.Evaluation evaluate(@PathParam("agency") String agency, @PathParam("year") int year,
                                           Evaluations.EvaluationInput input, @Context SecurityContext security) {
        return evaluations.evaluate(agency, year, input, Callers.of(security, agencies));
    }
}
