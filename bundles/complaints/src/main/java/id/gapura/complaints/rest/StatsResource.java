package id.gapura.complaints.rest;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.complaints.internal.CsvExport;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.ReportQuery;
import id.gapura.complaints.internal.StatsService;
import id.gapura.complaints.internal.StatsService.Bucket;
import id.gapura.complaints.internal.StatsService.Dimension;
import id.gapura.complaints.internal.StatsService.Period;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures for the region's leaders and the overdue list, as JSON and as CSV for spreadsheets. Periods are
 * dates in the region's zone; by default the current year to date.
 */
@Component(service = StatsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.complaints)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private static final int DEFAULT_LIMIT = 1000;

    private final StatsService stats;
    private final HandlingService handling;

    @Activate
    public StatsResource(@Reference StatsService stats, @Reference HandlingService handling) {
        this.stats = stats;
        this.handling = handling;
    }

    public record Timeliness(long dueOrAnswered, long answeredOnTime, BigDecimal percent) {
    }

    public record Line(String code, String name, long reports, long dueOrAnswered, long answeredOnTime,
                       BigDecimal onTimePercent) {
    }

    public record Statistics(LocalDate from, LocalDate to, String zone, OffsetDateTime computedAt, long total,
                             Timeliness answeredWithinDeadline, long overdueNow, List<Line> byCategory,
                             List<Line> byAgency, List<Line> byClass, List<Line> byMonth, List<Line> byStatus) {
    }

    public record Overdue(String trackingNumber, String serviceCode, String serviceName, String agencyCode,
                          String agencyName, String status, String stage, OffsetDateTime deadline, long daysOverdue) {
    }

    /**
     * Counts of the period's reports by category, agency (as dispositioned), class, month and status, the
     * share answered within the deadline, and how many reports are overdue now.
     *
     * @param from first submission date, inclusive (yyyy-MM-dd, region's zone); default 1 January this year
     * @param to   last submission date, inclusive; default today
     */
    @GET
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR, Officer.VIEWER})
    @Path("/stats")
    public Statistics statistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        StatsService.Stats figures = stats.stats(stats.period(from, to));
        ZoneId zone = figures.zone();
        return new Statistics(figures.period().from(), figures.period().to(), zone.getId(),
                figures.computedAt().atZone(zone).toOffsetDateTime(), figures.total(),
                new Timeliness(figures.timeliness().dueOrAnswered(), figures.timeliness().answeredOnTime(),
                        figures.timeliness().percent()),
                figures.overdueNow(), lines(figures, Dimension.CATEGORY), lines(figures, Dimension.AGENCY),
                lines(figures, Dimension.CLASS), lines(figures, Dimension.MONTH), lines(figures, Dimension.STATUS));
    }

    /**
     * One breakdown as CSV: {@code category}, {@code agency}, {@code class}, {@code month} or {@code status}.
     *
     * @param bom    false to leave out the UTF-8 byte order mark that Excel needs
     * @param locale {@code id} for Excel with Indonesian regional settings: semicolons and decimal commas
     */
    @GET
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR, Officer.VIEWER})
    @Path("/stats/{dimension}.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response statisticsCsv(@PathParam("dimension") String dimensionCode, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("bom") @DefaultValue("true") String bom,
                                  @QueryParam("locale") String locale) {
        List<FieldError> errors = new ArrayList<>();
        Dimension dimension = Dimension.of(dimensionCode).orElse(null);
        if (dimension == null) {
            throw ProblemException.notFound("There is no breakdown '" + dimensionCode + "'; use one of "
                    + Dimension.codes() + ", e.g. /api/complaints/stats/category.csv.");
        }
        CsvExport.Options options = options(bom, locale, errors);
        Period period = null;
        try {
            period = stats.period(from, to);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Bucket> buckets = stats.breakdown(dimension, period);
        StreamingOutput body = out -> CsvExport.breakdown(dimension, buckets, out, options);
        return csv(body, "complaints-" + dimension.code() + "-" + period.from() + "_" + period.to() + ".csv");
    }

    /**
     * Reports past the deadline they are working against, the longest overdue first. A liaison officer gets
     * only their agency's; others may filter by {@code agency}.
     */
    @GET
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR, Officer.VIEWER, Officer.LIAISON})
    @Path("/overdue")
    public List<Overdue> overdue(@QueryParam("agency") String agency,
                                 @QueryParam("offset") @DefaultValue("0") int offset,
                                 @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) int limit,
                                 @Context SecurityContext security) {
        String agencyFilter = agencyFilter(agency, security);
        List<FieldError> errors = new ArrayList<>();
        if (offset < 0) {
            errors.add(new FieldError("offset", "must not be negative"));
        }
        if (limit < 1 || limit > ReportQuery.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + ReportQuery.MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ZoneId zone = stats.zone();
        return stats.overdue(agencyFilter, offset, limit).stream().map(r -> new Overdue(r.trackingNumber(),
                r.serviceCode(), r.serviceName(), r.agencyCode(), r.agencyName(),
                r.status().name().toLowerCase(Locale.ROOT), r.stage(), r.deadline().atZone(zone).toOffsetDateTime(),
                r.daysOverdue())).toList();
    }

    /** The whole overdue list as CSV, however long; the same parameters as the statistics' CSV. */
    @GET
    @RolesAllowed({Officers.ADMIN, Officer.COORDINATOR, Officer.VIEWER, Officer.LIAISON})
    @Path("/overdue.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response overdueCsv(@QueryParam("agency") String agency,
                               @QueryParam("bom") @DefaultValue("true") String bom,
                               @QueryParam("locale") String locale, @Context SecurityContext security) {
        String agencyFilter = agencyFilter(agency, security);
        List<FieldError> errors = new ArrayList<>();
        CsvExport.Options options = options(bom, locale, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ZoneId zone = stats.zone();
        StreamingOutput body = out -> {
            CsvExport csv = CsvExport.overdue(out, options, zone);
            stats.forEachOverdue(agencyFilter, csv::overdue);
            csv.flush();
        };
        String today = LocalDate.now(zone).toString();
        return csv(body, "complaints-overdue-" + (agencyFilter == null ? "" : agencyFilter + "-") + today + ".csv");
    }

    /** A liaison officer sees their own agency only; everyone else all agencies, or the one they ask for. */
    private String agencyFilter(String agency, SecurityContext security) {
        Officer officer = Officers.officer(security, handling);
        if (officer.seesAllReports()) {
            return agency == null || agency.isBlank() ? null : agency.strip();
        }
        return handling.liaisonAgency(officer);
    }

    private static CsvExport.Options options(String bom, String locale, List<FieldError> errors) {
        String mark = bom.strip().toLowerCase(Locale.ROOT);
        if (!mark.equals("true") && !mark.equals("false")) {
            errors.add(new FieldError("bom", "'" + bom + "' is not true or false"));
        }
        boolean byteOrderMark = !mark.equals("false");
        boolean indonesian = false;
        if (locale != null && !locale.isBlank()) {
            indonesian = locale.strip().equalsIgnoreCase("id") || locale.strip().equalsIgnoreCase("id-ID");
            if (!indonesian && !locale.strip().equalsIgnoreCase("en")) {
                errors.add(new FieldError("locale", "'" + locale + "' is not id (semicolons, decimal commas) or en"));
            }
        }
        return new CsvExport.Options(byteOrderMark, indonesian);
    }

    private static Response csv(StreamingOutput body, String filename) {
        return Response.ok(body, CsvExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static List<Line> lines(StatsService.Stats figures, Dimension dimension) {
        return figures.breakdowns().get(dimension).stream().map(b -> new Line(b.code(), b.name(), b.reports(),
                b.timeliness().dueOrAnswered(), b.timeliness().answeredOnTime(), b.timeliness().percent())).toList();
    }
}
