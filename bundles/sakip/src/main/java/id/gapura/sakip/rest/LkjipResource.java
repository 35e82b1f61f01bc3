package id.gapura.sakip.rest;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.api.time.RegionCalendar;
import id.gapura.sakip.internal.Agencies;
import id.gapura.sakip.internal.Lkjip;
import id.gapura.sakip.internal.LkjipHtml;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import java.util.List;

/** The yearly performance report (LKjIP) of an agency: {@code ?format=json} (default) or {@code html} (printable). */
@Component(service = LkjipResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.sakip)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("lkjip")
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
@RolesAllowed({Callers.PLANNER, Callers.HEAD, Callers.EVALUATOR, Callers.VIEWER, Callers.ADMIN})
public class LkjipResource {

    @Reference
    private Lkjip lkjip;
    @Reference
    private Agencies agencies;
    @Reference
    private RegionCalendar calendar;

    @GET
    @Path("/{agency}/{year}")
    public Response report(@PathParam("agency") String agency, @PathParam("year") int year,
                           @QueryParam("format") String format, @Context SecurityContext security) {
        Callers.reader(security, agencies, agency);
        String wanted = format == null ? "json" : format;
        if (!List.of("json", "html").contains(wanted)) {
            throw ProblemException.invalid(List.of(new FieldError("format", "json or html")));
        }
        Lkjip.Report report = lkjip.report(agency, year);
        return wanted.equals("html")
                ? Response.ok(LkjipHtml.render(report, calendar.workingDays().zone()), "text/html; charset=UTF-8").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
