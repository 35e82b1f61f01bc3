package id.gapura.budgeting.rest;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.budgeting.internal.Actor;
import id.gapura.budgeting.internal.Budget;
import id.gapura.budgeting.internal.CashPlan;
import id.gapura.budgeting.internal.Realisation;
import id.gapura.budgeting.internal.ReferenceData;
import id.gapura.budgeting.internal.Stage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Fiscal years: stages, ceilings, budget lines with their verification, validation and history, versions and
 * their comparison. TAPD (budget-tapd) runs the year; agencies (budget-agency) draft their own lines; the agency
 * head (budget-agency-head) validates them; viewers (budget-viewer) read.
 */
@Component(service = YearsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.budgeting)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("years")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Callers.TAPD, Callers.AGENCY, Callers.HEAD, Callers.VIEWER, Callers.ADMIN})
public class YearsResource {

    private static final String[] TEAM = {Callers.TAPD, Callers.ADMIN};
    private static final String[] DRAFTERS = {Callers.AGENCY, Callers.ADMIN};

    @Reference
    private Budget budget;
    @Reference
    private ReferenceData reference;
    @Reference
    private Realisation realisation;
    @Reference
    private CashPlan cashPlan;

    public record OpenYear(Integer year) {
    }

    public record StageChange(String stage) {
    }

    public record Change(String kind) {
    }

    public record CeilingInput(String agencyCode, String subKegiatanCode, BigDecimal amount) {
    }

    public record Note(String note) {
    }

    public record Reason(String reason) {
    }

    public record Verified(String agencyCode, int verified) {
    }

    @GET
    public List<Budget.YearView> years(@Context SecurityContext security) {
        Callers.reader(security, reference);
        return budget.years();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.TAPD, Callers.ADMIN})
    public Response open(OpenYear input, @Context SecurityContext security) {
        if (input == null || input.year() == null) {
            throw ProblemException.invalid(List.of(new FieldError("year", "a fiscal year such as 2027")));
        }
        Budget.YearView year = budget.openYear(input.year(), Callers.of(security, reference));
        return Response.created(URI.create("/api/budgeting/years/" + year.year())).entity(year).build();
    }

    @GET
    @Path("/{year}")
    public Budget.YearView year(@PathParam("year") int year, @Context SecurityContext security) {
        Callers.reader(security, reference);
        return budget.year(year);
    }

    /** Opens the next stage: drafting, verification, validation, or dpa (locks the version). */
    @POST
    @Path("/{year}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.TAPD, Callers.ADMIN})
    public Budget.YearView stage(@PathParam("year") int year, StageChange change, @Context SecurityContext security) {
        Actor actor = Callers.of(security, reference);
        Stage target = Stage.of(change == null ? null : change.stage()).orElseThrow(() -> ProblemException.invalid(List.of(
                new FieldError("stage", "one of drafting, verification, validation, dpa"))));
        return budget.advance(year, target, actor);
    }

    /** After the DPA: {"kind":"perubahan"} or {"kind":"pergeseran"} opens a new version in drafting. */
    @POST
    @Path("/{year}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.TAPD, Callers.ADMIN})
    public Budget.YearView change(@PathParam("year") int year, Change change, @Context SecurityContext security) {
        return budget.openChange(year, change == null ? null : change.kind(), Callers.of(security, reference));
    }

    @GET
    @Path("/{year}/ceilings")
    public List<Budget.CeilingView> ceilings(@PathParam("year") int year, @QueryParam("agency") String agency,
                                             @Context SecurityContext security) {
        Actor actor = Callers.reader(security, reference);
        return budget.ceilings(year, scope(actor, agency, security));
    }

    @PUT
    @Path("/{year}/ceilings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.TAPD, Callers.ADMIN})
    public Budget.CeilingView setCeiling(@PathParam("year") int year, CeilingInput input, @Context SecurityContext security) {
        Actor actor = Callers.of(security, reference);
        if (input == null) {
            throw ProblemException.badRequest("Send the ceiling as JSON: {\"agencyCode\":..., \"subKegiatanCode\":... (omit for the"
                    + " agency ceiling), \"amount\":...}.");
        }
        return budget.setCeiling(year, input.agencyCode(), input.subKegiatanCode(), input.amount(), actor);
    }

    @GET
    @Path("/{year}/lines")
    public List<Budget.LineView> lines(@PathParam("year") int year, @QueryParam("agency") String agency,
                                       @Context SecurityContext security) {
        Actor actor = Callers.reader(security, reference);
        return budget.lines(year, scope(actor, agency, security));
    }

    @POST
    @Path("/{year}/lines")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.AGENCY, Callers.ADMIN})
    public Response addLine(@PathParam("year") int year, Budget.LineInput input, @Context SecurityContext security) {
        Budget.LineView line = budget.addLine(year, input, Callers.of(security, reference));
        return Response.created(URI.create("/api/budgeting/years/" + year + "/lines/" + line.id())).entity(line).build();
    }

    @GET
    @Path("/{year}/lines/{id}")
    public Budget.LineView line(@PathParam("year") int year, @PathParam("id") long id, @Context SecurityContext security) {
        Actor actor = Callers.reader(security, reference);
        Budget.LineView line = budget.line(year, id);
        scope(actor, line.agencyCode(), security);
        return line;
    }

    @PUT
    @Path("/{year}/lines/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.AGENCY, Callers.ADMIN})
    public Budget.LineView changeLine(@PathParam("year") int year, @PathParam("id") long id, Budget.LineInput input,
                                      @Context SecurityContext security) {
        return budget.changeLine(year, id, input, Callers.of(security, reference));
    }

    @DELETE
    @Path("/{year}/lines/{id}")
    @RolesAllowed({Callers.AGENCY, Callers.ADMIN})
    public Budget.LineView removeLine(@PathParam("year") int year, @PathParam("id") long id, @Context SecurityContext security) {
        return budget.removeLine(year, id, Callers.of(security, reference));
    }

    @GET
    @Path("/{year}/lines/{id}/history")
    public List<Budget.ChangeView> history(@PathParam("year") int year, @PathParam("id") long id, @Context SecurityContext security) {
        line(year, id, security);
        return budget.history(year, id);
    }

    @POST
    @Path("/{year}/lines/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.TAPD, Callers.ADMIN})
    public Budget.LineView returnLine(@PathParam("year") int year, @PathParam("id") long id, Note note,
                                      @Context SecurityContext security) {
        return budget.returnLine(year, id, note == null ? null : note.note(), Callers.of(security, reference));
    }

    @POST
    @Path("/{year}/lines/{id}/verify")
    @RolesAllowed({Callers.TAPD, Callers.ADMIN})
    public Budget.LineView verifyLine(@PathParam("year") int year, @PathParam("id") long id, @Context SecurityContext security) {
        return budget.verifyLine(year, id, Callers.of(security, reference));
    }

    /** Verifies every draft line of an agency at once; returned lines stay returned. */
    @POST
    @Path("/{year}/agencies/{agency}/verify")
    @RolesAllowed({Callers.TAPD, Callers.ADMIN})
    public Verified verifyAgency(@PathParam("year") int year, @PathParam("agency") String agency, @Context SecurityContext security) {
        return new Verified(agency, budget.verifyAgency(year, agency, Callers.of(security, reference)));
    }

    /** The agency head validates the agency's budget (a budget-agency-head user assigned to that agency). */
    @POST
    @Path("/{year}/agencies/{agency}/validate")
    @RolesAllowed({Callers.HEAD, Callers.ADMIN})
    public Map<String, Object> validate(@PathParam("year") int year, @PathParam("agency") String agency,
                                        @Context SecurityContext security) {
        Actor actor = Callers.of(security, reference);
        budget.validateAgency(year, agency, actor);
        return Map.of("agencyCode", agency, "validatedBy", actor.name(), "version", budget.year(year).version());
    }

    @GET
    @Path("/{year}/versions")
    public List<Budget.VersionView> versions(@PathParam("year") int year, @Context SecurityContext security) {
        Callers.reader(security, reference);
        return budget.versions(year);
    }

    /**
     * Compares two versions line by line: {@code ?from=1&to=2}; {@code current} is the lines as they stand;
     * {@code &agency=} for one agency (an agency user always sees their own only).
     */
    @GET
    @Path("/{year}/versions/compare")
    public Budget.Comparison compare(@PathParam("year") int year, @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("agency") String agency, @Context SecurityContext security) {
        Actor actor = Callers.reader(security, reference);
        if (from == null || to == null) {
            throw ProblemException.badRequest("Name the two versions: ?from=1&to=2 (or to=current).");
        }
        return budget.compare(year, from, to, scope(actor, agency, security));
    }

    /** The realisation entries of the year (payments and reversals), oldest first; {@code ?agency=} for one agency. */
    @GET
    @Path("/{year}/realisations")
    public List<Realisation.Entry> realisations(@PathParam("year") int year, @QueryParam("agency") String agency,
                                                @Context SecurityContext security) {
        Actor actor = Callers.reader(security, reference);
        return realisation.entries(year, scope(actor, agency, security));
    }

    /**
     * Records a payment against the DPA in force: {@code {"agencyCode","subKegiatanCode","accountCode","date":"2027-03-15",
     * "amount","document":"SP2D number","description"}}; refused over the budget of the sub kegiatan and account.
     */
    @POST
    @Path("/{year}/realisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.AGENCY, Callers.TAPD, Callers.ADMIN})
    public Response record(@PathParam("year") int year, Realisation.Input input, @Context SecurityContext security) {
        Realisation.Entry entry = realisation.record(year, input, Callers.of(security, reference));
        return Response.created(URI.create("/api/budgeting/years/" + year + "/realisations?agency=" + entry.agencyCode()))
                .entity(entry).build();
    }

    /** A correction: {@code {"reason":...}} records the reversing entry; the entry itself stays as it was. */
    @POST
    @Path("/{year}/realisations/{id}/reverse")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.AGENCY, Callers.TAPD, Callers.ADMIN})
    public Response reverse(@PathParam("year") int year, @PathParam("id") long id, Reason reason, @Context SecurityContext security) {
        Realisation.Entry entry = realisation.reverse(year, id, reason == null ? null : reason.reason(), Callers.of(security, reference));
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }

    /** The cash plans (anggaran kas) of the DPA in force, newest revision of each sub kegiatan; {@code ?agency=}. */
    @GET
    @Path("/{year}/cash-plans")
    public List<CashPlan.View> cashPlans(@PathParam("year") int year, @QueryParam("agency") String agency,
                                         @Context SecurityContext security) {
        Actor actor = Callers.reader(security, reference);
        return cashPlan.plans(year, scope(actor, agency, security));
    }

    /**
     * Sets the cash plan of a sub kegiatan: {@code {"agencyCode","subKegiatanCode","months":[12 amounts]}}, adding up
     * exactly to its budget in the DPA in force; a new revision each time, the earlier ones kept.
     */
    @PUT
    @Path("/{year}/cash-plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.AGENCY, Callers.TAPD, Callers.ADMIN})
    public CashPlan.View setCashPlan(@PathParam("year") int year, CashPlan.Input input, @Context SecurityContext security) {
        return cashPlan.set(year, input, Callers.of(security, reference));
    }

    /** An agency user sees their own agency; the others see the agency asked for, or all. */
    private static String scope(Actor actor, String agency, SecurityContext security) {
        if (actor.admin() || actor.tapd() || security.isUserInRole(Callers.VIEWER)) {
            return agency;
        }
        if (agency != null && !agency.equals(actor.agency())) {
            throw ProblemException.forbidden(actor.name() + " reads the budget of agency " + actor.agency() + " only.");
        }
        return actor.agency();
    }
}
