package id.gapura.complaints.rest;

import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.PhotoService;
import id.gapura.complaints.internal.ReportAttributeEntity;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportEventEntity;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.workflow.Action;
import id.gapura.complaints.workflow.HandlingTrack;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How reports look to citizens and to officers; the public views carry no personal data. */
public final class ReportViews {

    public record PublicReport(String trackingNumber, String serviceCode, String reportClass, String status,
                        String publicStatus, String description, String address, String agency,
                        String statusNotes, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                        List<PublicUpdate> updates, List<Photo> photos) {
    }

    /** A photo's address; {@code followUp} is the history entry of the agency's follow-up, null for the reporter's. */
    public record Photo(String url, Long followUp) {
    }

    /** A status change, with the note when it is meant for the public (an answer, a closing remark). */
    public record PublicUpdate(OffsetDateTime at, String status, String note) {
    }

    public record Summary(String trackingNumber, String serviceCode, String reportClass, String status, String agency,
                   OffsetDateTime submittedAt, OffsetDateTime deadline, boolean overdue) {
    }

    public record Location(String address, String addressId, String zipcode, BigDecimal latitude, BigDecimal longitude) {
    }

    /** Null in the officer view when the reporter asked for confidentiality and the reader is the agency. */
    public record Reporter(String name, String email, String phone, String deviceId, String accountId,
                    boolean anonymous, boolean confidential) {
    }

    public record Deadlines(OffsetDateTime verification, OffsetDateTime firstResponse, OffsetDateTime answer,
                     OffsetDateTime current, boolean overdue) {
    }

    public record Event(Long id, OffsetDateTime at, String actor, String action, String from, String to, String agency,
                 String note, boolean publicNote) {
    }

    public record Details(String trackingNumber, String serviceCode, String reportClass, String status, String channel,
                   String description, Location location, String mediaUrl, Reporter reporter,
                   Map<String, List<String>> attributes, String agency, String instruction, String track,
                   Deadlines deadlines, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                   OffsetDateTime closedAt, String statusNotes, List<String> allowedActions, List<Event> history,
                   List<Photo> photos) {
    }

    static final String PHOTOS = "/api/complaints/photos/";

    private final ReportService reports;
    private final PhotoService photos;
    private final ZoneId zone;
    private final Instant now;

    public ReportViews(ReportService reports, PhotoService photos) {
        this.reports = reports;
        this.photos = photos;
        this.zone = reports.workingDays().zone();
        this.now = Instant.now();
    }

    public PublicReport publicView(ReportEntity report) {
        List<PublicUpdate> updates = reports.history(report.id()).stream()
                .map(event -> new PublicUpdate(time(event.occurredAt()), code(event.toStatus().name()),
                        event.publicNote() ? event.note() : null))
                .toList();
        return new PublicReport(report.trackingNumber(), report.serviceCode(), report.reportClass().code(),
                code(report.status().name()), report.status().open311Status(), report.description(),
                report.address(), agencyName(report), report.statusNotes(), time(report.submittedAt()),
                time(report.updatedAt()), updates, photos(report));
    }

    private List<Photo> photos(ReportEntity report) {
        return photos.photos(report.id()).stream()
                .map(photo -> new Photo(PHOTOS + photo.id(), photo.eventId())).toList();
    }

    public Summary summary(ReportEntity report) {
        Instant deadline = report.currentDeadline();
        return new Summary(report.trackingNumber(), report.serviceCode(), report.reportClass().code(),
                code(report.status().name()), report.agencyCode(), time(report.submittedAt()), time(deadline),
                deadline != null && now.isAfter(deadline));
    }

    public Details details(ReportEntity report, Officer officer, HandlingService handling) {
        boolean hideReporter = report.confidential() && !officer.seesConfidentialReporters();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (ReportAttributeEntity answer : reports.answers(report.id())) {
            attributes.computeIfAbsent(answer.code(), code -> new ArrayList<>()).add(answer.value());
        }
        Instant current = report.currentDeadline();
        List<Event> history = reports.history(report.id()).stream().map(this::event).toList();
        return new Details(report.trackingNumber(), report.serviceCode(), report.reportClass().code(),
                code(report.status().name()), report.channel(), report.description(),
                new Location(report.address(), report.addressId(), report.zipcode(), report.latitude(),
                        report.longitude()),
                report.mediaUrl(),
                hideReporter ? null : new Reporter(report.reporterName(), report.reporterEmail(),
                        report.reporterPhone(), report.deviceId(), report.accountId(), report.anonymous(),
                        report.confidential()),
                attributes, report.agencyCode(), report.instruction(),
                report.track() == null ? null : code(report.track().name()),
                new Deadlines(time(report.verificationDue()), time(report.firstResponseDue()),
                        time(report.answerDue()), time(current), current != null && now.isAfter(current)),
                time(report.submittedAt()), time(report.updatedAt()), time(report.closedAt()), report.statusNotes(),
                handling.allowedActions(report, officer).stream().map(ReportViews::actionCode).toList(),
                history, photos(report));
    }

    private Event event(ReportEventEntity event) {
        return new Event(event.id(), time(event.occurredAt()), event.actor(),
                event.action() == null ? null : event.action().toLowerCase(Locale.ROOT),
                event.fromStatus() == null ? null : code(event.fromStatus().name()), code(event.toStatus().name()),
                event.agencyCode(), event.note(), event.publicNote());
    }

    private String agencyName(ReportEntity report) {
        String code = report.agencyCode();
        if (code == null) {
            code = reports.service(report.serviceCode()).map(s -> s.agencyCode()).orElse(null);
        }
        return reports.agency(code).map(a -> a.name()).orElse(null);
    }

    OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    static String code(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }

    /** The API's name for an action: {@code not_our_authority} rather than the enum's MARK_ prefix. */
    static String actionCode(Action action) {
        return action.code();
    }

    /** The action of an API code ({@code verify}, {@code not_our_authority}, ...); null for none or reopen. */
    public static Action action(String code) {
        for (Action action : Action.values()) {
            if (action != Action.REOPEN && actionCode(action).equalsIgnoreCase(code == null ? "" : code.strip())) {
                return action;
            }
        }
        return null;
    }

    public static HandlingTrack track(String code) {
        for (HandlingTrack track : HandlingTrack.values()) {
            if (track.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return track;
            }
        }
        return null;
    }
}
