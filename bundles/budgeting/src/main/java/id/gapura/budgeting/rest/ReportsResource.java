package id.gapura.budgeting.rest;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.budgeting.internal.Actor;
import id.gapura.budgeting.internal.ReferenceData;
import id.gapura.budgeting.internal.Reports;
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
import java.util.Map;

/**
 * RKA per agency and recapitulations by programme, account group and agency, for a locked version
 * ({@code ?version=1}) or the lines as they stand ({@code current}, the default); absorption (realisation against
 * the DPA in force) by programme or agency; {@code ?format=json|csv|html}.
 */
@Component(service = ReportsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.budgeting)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_HTML})
@RolesAllowed({Callers.TAPD, Callers.AGENCY, Callers.HEAD, Callers.VIEWER, Callers.ADMIN})
public class ReportsResource {

    private static final Map<String, String> TITLES = Map.of("programme", "Rekapitulasi Belanja menurut Program",
            "account", "Rekapitulasi Belanja menurut Jenis Belanja", "agency", "Rekapitulasi Belanja menurut Perangkat Daerah");

    @Reference
    private Reports reports;
    @Reference
    private ReferenceData reference;

    @GET
    @Path("/{year}/rka/{agency}")
    public Response rka(@PathParam("year") int year, @PathParam("agency") String agency, @QueryParam("version") String version,
                        @QueryParam("format") String format, @Context SecurityContext security) {
        Actor actor = Callers.reader(security, reference);
        if (!actor.admin() && !actor.tapd() && !security.isUserInRole(Callers.VIEWER) && !agency.equals(actor.agency())) {
            throw ProblemException.forbidden(actor.name() + " reads the RKA of agency " + actor.agency() + " only.");
        }
        Reports.Rka rka = reports.rka(year, version(version), agency);
        return switch (format(format)) {
            case "csv" -> file(Reports.csv(rka), "text/csv; charset=UTF-8", "rka-" + agency + "-" + year + ".csv");
            case "html" -> Response.ok(Reports.html(rka), "text/html; charset=UTF-8").build();
            default -> Response.ok(rka, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    @GET
    @Path("/{year}/recap/{by}")
    public Response recap(@PathParam("year") int year, @PathParam("by") String by, @QueryParam("version") String version,
                          @QueryParam("format") String format, @Context SecurityContext security) {
        Actor actor = Callers.reader(security, reference);
        if (!actor.admin() && !actor.tapd() && !security.isUserInRole(Callers.VIEWER)) {
            throw ProblemException.forbidden("Recapitulations cover every agency: they are for budget-tapd and budget-viewer;"
                    + " " + actor.name() + " reads the RKA of agency " + actor.agency() + ".");
        }
        Reports.Recap recap = reports.recap(year, version(version), by);
        return switch (format(format)) {
            case "csv" -> file(Reports.csv(recap), "text/csv; charset=UTF-8", "recap-" + by + "-" + year + ".csv");
            case "html" -> Response.ok(Reports.html(recap, TITLES.get(by)), "text/html; charset=UTF-8").build();
            default -> Response.ok(recap, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    /**
     * Realisation against the DPA in force per agency's programme or per agency, with the absorption in percent; an
     * agency user sees their own agency's rows only.
     */
    @GET
    @Path("/{year}/absorption/{by}")
    public Response absorption(@PathParam("year") int year, @PathParam("by") String by, @QueryParam("agency") String agency,
                               @QueryParam("format") String format, @Context SecurityContext security) {
        Actor actor = Callers.reader(security, reference);
        String scope = agency;
        if (!actor.admin() && !actor.tapd() && !security.isUserInRole(Callers.VIEWER)) {
            if (agency != null && !agency.equals(actor.agency())) {
                throw ProblemException.forbidden(actor.name() + " reads the absorption of agency " + actor.agency() + " only.");
            }
            scope = actor.agency();
        }
        Reports.Absorption absorption = reports.absorption(year, by, scope);
        return switch (format(format)) {
            case "csv" -> file(Reports.csv(absorption), "text/csv; charset=UTF-8", "absorption-" + by + "-" + year + ".csv");
            case "html" -> Response.ok(Reports.html(absorption), "text/html; charset=UTF-8").build();
            default -> Response.ok(absorption, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    private static String version(String version) {
        return version == null || version.isBlank() ? "current" : version;
    }

    private static String format(String format) {
        String wanted = format == null || format.isBlank() ? "json" : format.toLowerCase();
        if (!List.of("json", "csv", "html").contains(wanted)) {
            throw ProblemException.invalid(List.of(new FieldError("format", "json, csv or html")));
        }
        return wanted;
    }

    private static Response file(String body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
