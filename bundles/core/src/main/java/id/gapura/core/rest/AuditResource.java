package id.gapura.core.rest;

import id.gapura.api.AuditEntry;
import id.gapura.api.spi.AuditTrail;
import id.gapura.api.spi.AuditQuery;
import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.core.AgreementService;
import id.gapura.core.audit.AuditTimes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /api/audit?module=complaints&since=2026-03-01&limit=100}: the audit log, newest first, for
 * administrators. {@code since} is a date (from its start) or a date and time, in the region's zone; times
 * are answered with the zone's offset.
 */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + RestApplications.PLATFORM + ")")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@RolesAllowed("admin")
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9]{1,30}");

    @Reference
    private AuditTrail audit;

    @Reference
    private AgreementService agreements;

    /** One entry as the API shows it. */
    public record Entry(long id, OffsetDateTime at, String actor, String action, String module, String subject,
                        String outcome, String detail) {
    }

    @GET
    public List<Entry> list(@QueryParam("module") String module, @QueryParam("since") String since,
                            @QueryParam("limit") String limit) {
        ZoneId zone = agreements.zone();
        List<FieldError> errors = new ArrayList<>();
        AuditQuery query = AuditQuery.latest();
        if (limit != null && !limit.isBlank()) {
            try {
                query = query.limit(Integer.parseInt(limit.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + AuditQuery.MAX_LIMIT));
            }
        }
        if (module != null && !module.isBlank()) {
            if (MODULE_ID.matcher(module.strip()).matches()) {
                query = query.forModule(module.strip());
            } else {
                errors.add(new FieldError("module", "must be a module id such as complaints"));
            }
        }
        if (since != null && !since.isBlank()) {
            try {
                query = query.since(AuditTimes.parseSince(since, zone));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("since", "must be a date like 2026-03-01 or a time like 2026-03-01T08:00 "
                        + "(in " + zone.getId() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return audit.find(query).stream().map(entry -> entry(entry, zone)).toList();
    }

    private static Entry entry(AuditEntry entry, ZoneId zone) {
        return new Entry(entry.id(), AuditTimes.inZone(entry.at(), zone), entry.actor(), entry.action(),
                entry.module(), entry.subject(), entry.outcome().name().toLowerCase(Locale.ROOT), entry.detail());
    }
}
