package id.gapura.permits.rest;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.Reports;
import id.gapura.permits.workflow.Roles;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reports of one year ({@code ?year=2026}, default the current one), as JSON or, with {@code ?format=csv}, as
 * CSV for a spreadsheet: applications by type, stage and month; processing days against the service level;
 * fee revenue by type and month.
 */
@Component(service = ReportsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.permits)")
@RolesAllowed({Roles.BACK_OFFICE, Roles.HEAD, Roles.VIEWER, Roles.ADMIN})
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
public class ReportsResource {

    @Reference
    private Reports reports;
    @Reference
    private Applications applications;

    @GET
    @Path("/applications")
    public Response applications(@QueryParam("year") Integer year, @QueryParam("format") String format) {
        return answer("applications", year, format, reports::applications, Reports.ApplicationsRow.class);
    }

    @GET
    @Path("/processing")
    public Response processing(@QueryParam("year") Integer year, @QueryParam("format") String format) {
        return answer("processing", year, format, reports::processing, Reports.ProcessingRow.class);
    }

    @GET
    @Path("/revenue")
    public Response revenue(@QueryParam("year") Integer year, @QueryParam("format") String format) {
        return answer("revenue", year, format, reports::revenue, Reports.RevenueRow.class);
    }

    private <R extends Record> Response answer(String name, Integer year, String format, IntFunction<List<R>> report,
                                               Class<R> type) {
        int wanted = year == null ? applications.workingDays().localDate(Instant.now()).getYear() : year;
        if (wanted < 2000 || wanted > 2100) {
            throw ProblemException.invalid(List.of(new FieldError("year", "must be a year from 2000 to 2100")));
        }
        boolean csv = format != null && format.equalsIgnoreCase("csv");
        if (!csv && format != null && !format.isBlank() && !format.equalsIgnoreCase("json")) {
            throw ProblemException.invalid(List.of(new FieldError("format", "must be json or csv")));
        }
        List<R> rows = report.apply(wanted);
        if (!csv) {
            return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(Reports.csv(rows, type), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"permits-" + name + "-" + wanted + ".csv\"")
                .build();
    }
}
