package id.gapura.complaints.rest;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.complaints.internal.NewReport;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.workflow.ReportClass;

import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/complaints/reports} to submit, {@code GET /api/complaints/reports/{trackingNumber}} to
 * follow. The tracking view is public, so it shows no personal data.
 */
@Component(service = ReportsResource.class)
@JaxrsResource
@Public
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("/api/complaints/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    private static final int MAX_DESCRIPTION = 4000;

    @Reference
    private ReportService reports;

    public record Submission(String serviceCode, String reportClass, String description, String address,
                             BigDecimal latitude, BigDecimal longitude, String name, String email, String phone,
                             Boolean anonymous, Boolean confidential) {
    }

    public record Receipt(String trackingNumber, String status, OffsetDateTime submittedAt,
                          OffsetDateTime verificationDue) {
    }

    public record PublicReport(String trackingNumber, String serviceCode, String reportClass, String status,
                               String publicStatus, String description, String address,
                               OffsetDateTime submittedAt, OffsetDateTime updatedAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(Submission submission) {
        NewReport report = validate(submission);
        ReportEntity saved = reports.submit(report);
        ZoneId zone = reports.workingDays().zone();
        return Response.created(UriBuilder.fromResource(ReportsResource.class).path(saved.trackingNumber()).build())
                .entity(new Receipt(saved.trackingNumber(), code(saved.status().name()),
                        saved.submittedAt().atZone(zone).toOffsetDateTime(),
                        saved.verificationDue().atZone(zone).toOffsetDateTime()))
                .build();
    }

    @GET
    @Path("/{trackingNumber}")
    public PublicReport track(@PathParam("trackingNumber") String trackingNumber) {
        ReportEntity report = reports.byTrackingNumber(trackingNumber).orElseThrow(() -> ProblemException.notFound(
                "No report has tracking number '" + trackingNumber + "'. Check the number on your receipt."));
        ZoneId zone = reports.workingDays().zone();
        return new PublicReport(report.trackingNumber(), report.serviceCode(), report.reportClass().code(),
                code(report.status().name()), report.status().open311Status(), report.description(),
                report.address(), report.submittedAt().atZone(zone).toOffsetDateTime(),
                report.updatedAt().atZone(zone).toOffsetDateTime());
    }

    private NewReport validate(Submission s) {
        if (s == null) {
            throw ProblemException.badRequest("The request has no body; send the report as JSON.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(s.serviceCode())) {
            errors.add(new FieldError("serviceCode", "is required; GET /api/complaints/services lists the codes"));
        } else if (reports.activeService(s.serviceCode()).isEmpty()) {
            errors.add(new FieldError("serviceCode", "'" + s.serviceCode() + "' is not an active service code"));
        }
        ReportClass reportClass = ReportClass.PENGADUAN;
        if (!blank(s.reportClass())) {
            try {
                reportClass = ReportClass.fromCode(s.reportClass());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("reportClass", e.getMessage()));
            }
        }
        if (blank(s.description())) {
            errors.add(new FieldError("description", "is required"));
        } else if (s.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "is longer than " + MAX_DESCRIPTION + " characters"));
        }
        boolean hasPoint = s.latitude() != null && s.longitude() != null;
        if (!hasPoint && blank(s.address())) {
            errors.add(new FieldError("address", "give an address, or latitude and longitude"));
        }
        if (s.latitude() != null && s.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            errors.add(new FieldError("latitude", "must be between -90 and 90"));
        }
        if (s.longitude() != null && s.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            errors.add(new FieldError("longitude", "must be between -180 and 180"));
        }
        if (!blank(s.email()) && !s.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new NewReport(s.serviceCode(), reportClass, s.description().strip(), trimmed(s.address()),
                s.latitude(), s.longitude(), new NewReport.Reporter(trimmed(s.name()), trimmed(s.email()),
                trimmed(s.phone()), Boolean.TRUE.equals(s.anonymous()), Boolean.TRUE.equals(s.confidential())));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }

    private static String code(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
