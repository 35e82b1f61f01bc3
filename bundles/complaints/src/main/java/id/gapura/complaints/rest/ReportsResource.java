package id.gapura.complaints.rest;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.complaints.internal.HandlingRequest;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.NewReport;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.PhotoEntity;
import id.gapura.complaints.internal.PhotoService;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportQuery;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.ReporterSecrets;
import id.gapura.complaints.workflow.Action;
import id.gapura.complaints.workflow.HandlingTrack;
import id.gapura.complaints.workflow.ReportClass;
import id.gapura.complaints.workflow.ReportStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import javax.ws.rs.core.UriInfo;
import java.net.URI;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports: citizens submit ({@code POST}), follow by tracking number and reopen; officers list, read in full
 * and act on them (SP4N-LAPOR! handling).
 */
@Component(service = ReportsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.complaints)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Reference
    private ReportService reports;
    @Reference
    private HandlingService handling;
    @Reference
    private PhotoService photos;

    public record Submission(String serviceCode, String reportClass, String description, String address,
                             BigDecimal latitude, BigDecimal longitude, String name, String email, String phone,
                             Boolean anonymous, Boolean confidential, Map<String, List<String>> attributes) {
    }

    /** {@code reporterSecret} is in this answer only: the reporter sends it to reopen the report or add its photo. */
    public record Receipt(String trackingNumber, String status, OffsetDateTime submittedAt,
                          OffsetDateTime verificationDue, String reporterSecret) {
    }

    public record HandlingAction(String action, String note, String agency, String instruction, String track,
                                 String dueDate, String forwardedTo) {
    }

    public record Reopening(String reason) {
    }

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(Submission s) {
        if (s == null) {
            throw ProblemException.badRequest("The request has no body; send the report as JSON.");
        }
        ReportEntity saved = reports.submit(new NewReport(trimmed(s.serviceCode()), trimmed(s.reportClass()),
                trimmed(s.description()),
                new NewReport.Location(trimmed(s.address()), null, null, s.latitude(), s.longitude()),
                new NewReport.Reporter(trimmed(s.name()), trimmed(s.email()), trimmed(s.phone()), null, null,
                        Boolean.TRUE.equals(s.anonymous()), Boolean.TRUE.equals(s.confidential())),
                s.attributes(), null, "api"));
        ReportViews views = new ReportViews(reports, photos);
        return Response.created(UriBuilder.fromResource(ReportsResource.class).path(saved.trackingNumber()).build())
                .entity(new Receipt(saved.trackingNumber(), ReportViews.code(saved.status().name()),
                        views.time(saved.submittedAt()), views.time(saved.verificationDue()), saved.reporterSecret()))
                .build();
    }

    @GET
    @Public
    @Path("/{trackingNumber}")
    public ReportViews.PublicReport track(@PathParam("trackingNumber") String trackingNumber) {
        return new ReportViews(reports, photos).publicView(find(trackingNumber));
    }

    /**
     * The reporter reopens a closed report within the window, saying what is still wrong; the reporter secret of
     * the receipt in the {@code X-Reporter-Secret} header proves it is them.
     */
    @POST
    @Public
    @Path("/{trackingNumber}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportViews.PublicReport reopen(@PathParam("trackingNumber") String trackingNumber,
                                           @HeaderParam(ReporterSecrets.HEADER) String reporterSecret,
                                           Reopening reopening) {
        ReporterSecrets.check(find(trackingNumber), reporterSecret, "reopen it");
        ReportEntity report = handling.reopen(trackingNumber, reporterSecret,
                reopening == null ? null : reopening.reason());
        return new ReportViews(reports, photos).publicView(report);
    }

    /**
     * The reporter adds a photo (JPEG, PNG or WebP bytes as the body) while the report is open, with the reporter
     * secret of the receipt in the {@code X-Reporter-Secret} header.
     */
    @POST
    @Public
    @Path("/{trackingNumber}/photo")
    @Consumes({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    public Response addPhoto(@PathParam("trackingNumber") String trackingNumber,
                             @HeaderParam(ReporterSecrets.HEADER) String reporterSecret, byte[] content,
                             @Context UriInfo uri) {
        PhotoEntity photo = photos.addReporterPhoto(find(trackingNumber), reporterSecret, content,
                id -> uri.getBaseUriBuilder().path(ReportViews.PHOTOS + id).build().toString());
        return created(photo);
    }

    /** A liaison officer adds a photo to one of their agency's follow-ups (its history entry id). */
    @POST
    @RolesAllowed(Officer.LIAISON)
    @Path("/{trackingNumber}/followups/{eventId}/photo")
    @Consumes({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    public Response addFollowUpPhoto(@PathParam("trackingNumber") String trackingNumber,
                                     @PathParam("eventId") long eventId, byte[] content,
                                     @Context SecurityContext security) {
        Officer officer = officer(security);
        return created(photos.addAnswerPhoto(find(trackingNumber), eventId, officer, content));
    }

    private static Response created(PhotoEntity photo) {
        URI location = URI.create(ReportViews.PHOTOS + photo.id());
        return Response.created(location)
                .entity(new ReportViews.Photo(location.toString(), photo.eventId())).build();
    }

    /**
     * Reports for officers, newest first. A liaison officer sees only their agency's reports.
     *
     * @param status  comma-separated statuses, e.g. {@code submitted,postponed}
     * @param from    first submission date (region's zone), inclusive
     * @param to      last submission date, inclusive
     * @param overdue only reports past the deadline they are working against
     */
    @GET
    @RolesAllowed({Officer.COORDINATOR, Officer.LIAISON, Officer.VIEWER})
    public List<ReportViews.Summary> list(@QueryParam("status") String status, @QueryParam("service") String service,
                                          @QueryParam("agency") String agency, @QueryParam("class") String reportClass,
                                          @QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                          @QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("100") int limit,
                                          @Context SecurityContext security) {
        Officer officer = officer(security);
        String agencyFilter = officer.seesAllReports() ? trimmed(agency) : handling.liaisonAgency(officer);
        List<FieldError> errors = new ArrayList<>();
        List<ReportStatus> statuses = statuses(status, errors);
        ReportClass classFilter = null;
        if (trimmed(reportClass) != null) {
            try {
                classFilter = ReportClass.fromCode(reportClass);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("class", e.getMessage()));
            }
        }
        ZoneId zone = reports.workingDays().zone();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (offset < 0) {
            errors.add(new FieldError("offset", "must not be negative"));
        }
        if (limit < 1 || limit > ReportQuery.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + ReportQuery.MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ReportQuery query = new ReportQuery(null, trimmed(service) == null ? null : List.of(service.strip()), statuses,
                agencyFilter, classFilter, fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant(),
                overdue ? Instant.now() : null, offset, limit);
        ReportViews views = new ReportViews(reports, photos);
        return reports.search(query).stream().map(views::summary).toList();
    }

    /** Everything about a report for officers: reporter (unless confidential to the agency), deadlines, history. */
    @GET
    @RolesAllowed({Officer.COORDINATOR, Officer.LIAISON, Officer.VIEWER})
    @Path("/{trackingNumber}/details")
    public ReportViews.Details details(@PathParam("trackingNumber") String trackingNumber,
                                       @Context SecurityContext security) {
        Officer officer = officer(security);
        ReportEntity report = find(trackingNumber);
        handling.checkCanRead(report, officer);
        return new ReportViews(reports, photos).details(report, officer, handling);
    }

    /** An officer's action: verify, postpone, resume, not_our_authority, archive, disposition, answer, close. */
    @POST
    @RolesAllowed({Officer.COORDINATOR, Officer.LIAISON})
    @Path("/{trackingNumber}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportViews.Details act(@PathParam("trackingNumber") String trackingNumber, HandlingAction body,
                                   @Context SecurityContext security) {
        Officer officer = officer(security);
        if (body == null) {
            throw ProblemException.badRequest("The request has no body; send the action as JSON.");
        }
        List<FieldError> errors = new ArrayList<>();
        Action action = ReportViews.action(body.action());
        if (action == null) {
            errors.add(new FieldError("action", "'" + body.action() + "' is not an action; use one of "
                    + Arrays.stream(Action.values()).filter(a -> a != Action.REOPEN).map(ReportViews::actionCode)
                    .collect(Collectors.joining(", "))));
        }
        HandlingTrack track = null;
        if (trimmed(body.track()) != null) {
            track = ReportViews.track(body.track());
            if (track == null) {
                errors.add(new FieldError("track", "'" + body.track() + "' is not one of simple, investigation, field_check"));
            }
        }
        LocalDate due = date("dueDate", body.dueDate(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        find(trackingNumber);
        ReportEntity report = handling.act(trackingNumber, officer, new HandlingRequest(action, body.note(),
                trimmed(body.agency()), body.instruction(), track, due, body.forwardedTo()));
        return new ReportViews(reports, photos).details(report, officer, handling);
    }

    private ReportEntity find(String trackingNumber) {
        return reports.byTrackingNumber(trackingNumber).orElseThrow(() -> ProblemException.notFound(
                "No report has tracking number '" + trackingNumber + "'. Check the number on your receipt."));
    }

    private Officer officer(SecurityContext security) {
        return Officers.officer(security, handling);
    }

    private static List<ReportStatus> statuses(String value, List<FieldError> errors) {
        if (trimmed(value) == null) {
            return null;
        }
        List<ReportStatus> statuses = new ArrayList<>();
        for (String code : value.split(",")) {
            try {
                statuses.add(ReportStatus.valueOf(code.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "'" + code.strip() + "' is not a status; use "
                        + Arrays.stream(ReportStatus.values()).map(s -> ReportViews.code(s.name()))
                        .collect(Collectors.joining(", "))));
            }
        }
        return statuses;
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (trimmed(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
