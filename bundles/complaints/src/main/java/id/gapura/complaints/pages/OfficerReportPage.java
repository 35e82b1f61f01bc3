package id.gapura.complaints.pages;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.ComplaintsSettings;
import id.gapura.complaints.internal.HandlingRequest;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.PhotoService;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportEventEntity;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.ServiceEntity;
import id.gapura.complaints.rest.ReportViews;
import id.gapura.complaints.workflow.Action;
import id.gapura.complaints.workflow.HandlingTrack;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One report for officers: its details, the reporter (unless confidential and the reader is the agency), the history,
 * the photos, and a form for each action the officer may take now. The view and the rules are the API's
 * ({@link ReportViews#details}, {@link HandlingService}); a POST performs one action and comes back here (303) with
 * a notice, or shows the form again with its errors (422).
 */
@Component(service = Page.class, property = {Page.PATH + "=" + ComplaintsUi.REPORT_PAGE,
        Page.AUDIENCE + "=" + Page.OFFICER, Page.ROLES + "=" + Officer.COORDINATOR,
        Page.ROLES + "=" + Officer.LIAISON, Page.ROLES + "=" + Officer.VIEWER})
public class OfficerReportPage implements Page {

    private static final Logger LOG = LoggerFactory.getLogger(OfficerReportPage.class);
    static final String NUMBER = "nomor";
    static final String ACTION = "aksi";
    static final String DONE = "selesai";
    static final String PHOTO_FAILED = "foto";
    /** The id of the actions' heading, where an error about the action itself points. */
    static final String ACTIONS = "tindakan";
    // the fields of an action's form are named "<action>-<field>", so that every form's ids differ
    static final String NOTE = "catatan";
    static final String AGENCY = "instansi";
    static final String INSTRUCTION = "instruksi";
    static final String TRACK = "jalur";
    static final String DUE = "tenggat";
    static final String FORWARDED = "diteruskan";
    static final String PHOTO = "foto";

    private final ReportService reports;
    private final HandlingService handling;
    private final PhotoService photos;
    private final ComplaintsSettings settings;

    @Activate
    public OfficerReportPage(@Reference ReportService reports, @Reference HandlingService handling,
                             @Reference PhotoService photos, @Reference ComplaintsSettings settings) {
        this.reports = reports;
        this.handling = handling;
        this.photos = photos;
        this.settings = settings;
    }

    @Override
    public View get(PageRequest request) {
        Optional<ReportEntity> report = report(request);
        if (report.isEmpty()) {
            return View.notFound();
        }
        Officer officer = OfficerPages.officer(request, handling);
        handling.checkCanRead(report.get(), officer);
        Map<String, Object> model = model(report.get(), officer, request, Map.of());
        request.parameter(DONE).map(ReportViews::action).ifPresent(action -> model.put("done", action.code()));
        model.put("photoFailed", request.parameter(PHOTO_FAILED).isPresent());
        return View.page("officer-report.ftlh", "laporan.judul", model);
    }

    @Override
    public View post(PageRequest request) {
        Optional<ReportEntity> found = report(request);
        if (found.isEmpty()) {
            return View.notFound();
        }
        ReportEntity report = found.get();
        Officer officer = OfficerPages.officer(request, handling);
        handling.checkCanRead(report, officer);
        Action action = request.parameter(ACTION).map(ReportViews::action).orElse(null);
        Map<String, String> sent = sent(request, action);
        if (action == null) {
            return invalid(report, officer, request, sent, List.of(new FieldError(ACTIONS, "galat.petugas.aksi")));
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate due = null;
        HandlingTrack track = null;
        Optional<PageRequest.Upload> photo = Optional.empty();
        if (action == Action.DISPOSITION) {
            String dueText = sent.getOrDefault(field(action, DUE), "");
            if (!dueText.isEmpty()) {
                try {
                    due = LocalDate.parse(dueText);
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(field(action, DUE), "galat.petugas.tenggat.format"));
                }
            }
            String trackText = sent.getOrDefault(field(action, TRACK), "");
            if (!trackText.isEmpty()) {
                track = ReportViews.track(trackText);
                if (track == null) {
                    errors.add(new FieldError(field(action, TRACK), "galat.petugas.jalur"));
                }
            }
        }
        if (action == Action.ANSWER) {
            photo = request.upload(field(action, PHOTO));
            photo.ifPresent(upload -> {
                if (upload.content().length > settings.maxPhotoBytes()) {
                    errors.add(new FieldError(field(action, PHOTO),
                            request.message("galat.photo.size", ReportPage.megabytes(settings.maxPhotoBytes()))));
                } else if (PhotoService.imageType(upload.content()).isEmpty()) {
                    errors.add(new FieldError(field(action, PHOTO), "galat.photo.type"));
                }
            });
        }
        if (!errors.isEmpty()) {
            return invalid(report, officer, request, sent, errors);
        }
        HandlingRequest handlingRequest = new HandlingRequest(action, sent.get(field(action, NOTE)),
                sent.get(field(action, AGENCY)), sent.get(field(action, INSTRUCTION)), track, due,
                sent.get(field(action, FORWARDED)));
        ReportEntity changed;
        try {
            changed = handling.act(report.trackingNumber(), officer, handlingRequest);
        } catch (ProblemException e) {
            if (e.status() == 422) {
                return invalid(report, officer, request, sent, e.errors().stream()
                        .map(error -> fieldError(action, error)).toList());
            }
            if (e.status() == 409) {
                // the report changed since the page was shown: show it as it is now, with what was sent
                ReportEntity now = reports.byTrackingNumber(report.trackingNumber()).orElse(report);
                return invalid(now, officer, request, sent, List.of(new FieldError(ACTIONS, "galat.petugas.berubah")));
            }
            throw e;
        }
        String back = OfficerPages.reportHref(changed.trackingNumber()) + "&" + DONE + "=" + action.code();
        if (photo.isPresent() && !addPhoto(changed, officer, photo.get())) {
            back += "&" + PHOTO_FAILED + "=gagal";
        }
        return View.redirect(back);
    }

    private Optional<ReportEntity> report(PageRequest request) {
        return reports.byTrackingNumber(request.parameter(NUMBER).orElse("").toUpperCase(Locale.ROOT));
    }

    /** The answer's photo, on the follow-up just written; the answer stands when the photo cannot be stored. */
    private boolean addPhoto(ReportEntity report, Officer officer, PageRequest.Upload upload) {
        Optional<ReportEventEntity> answer = reports.history(report.id()).stream()
                .filter(event -> Action.ANSWER.name().equals(event.action())
                        && officer.username().equals(event.actor()))
                .reduce((first, second) -> second);
        try {
            photos.addAnswerPhoto(report, answer.map(ReportEventEntity::id).orElse(-1L), officer, upload.content());
            return true;
        } catch (ProblemException e) {
            LOG.warn("The photo of the answer to report {} by {} was not stored: {}", report.trackingNumber(),
                    officer.username(), e.getMessage());
            return false;
        }
    }

    private View invalid(ReportEntity report, Officer officer, PageRequest request, Map<String, String> sent,
                         List<FieldError> errors) {
        Map<String, Object> model = model(report, officer, request, sent);
        request.parameter(ACTION).map(ReportViews::action).ifPresent(action -> model.put("openAction", action.code()));
        return View.page("officer-report.ftlh", "laporan.judul", model).invalid(errors);
    }

    static String field(Action action, String name) {
        return action.code() + "-" + name;
    }

    /** What the officer typed into the action's form, to show it again with the errors; bounded by the platform. */
    private static Map<String, String> sent(PageRequest request, Action action) {
        Map<String, String> sent = new LinkedHashMap<>();
        if (action != null) {
            for (String name : List.of(NOTE, AGENCY, INSTRUCTION, TRACK, DUE, FORWARDED)) {
                request.parameter(field(action, name)).ifPresent(value -> sent.put(field(action, name), value));
            }
        }
        return sent;
    }

    /**
     * The service's field error (English, named as in the API) as the form's field with a message in the officer's
     * language; the rule itself stays in {@link HandlingService}.
     */
    static FieldError fieldError(Action action, FieldError error) {
        String name = switch (error.field()) {
            case "note" -> NOTE;
            case "agency" -> AGENCY;
            case "instruction" -> INSTRUCTION;
            case "dueDate" -> DUE;
            case "forwardedTo" -> FORWARDED;
            case "track" -> TRACK;
            default -> null;
        };
        if (name == null) {
            return new FieldError(ACTIONS, "galat.petugas.aksi");
        }
        String message = error.message() == null ? "" : error.message();
        if (name.equals(NOTE) && message.contains("forwardedTo")) {
            return new FieldError(field(action, NOTE), "galat.petugas.diteruskan.panjang");
        }
        String kind;
        if (name.equals(FORWARDED)) {
            kind = "salah";
        } else if (message.startsWith("is required")) {
            kind = "wajib";
        } else if (message.contains("longer than")) {
            kind = "panjang";
        } else if (message.contains("control characters")) {
            kind = "kendali";
        } else if (message.startsWith("is before today")) {
            kind = "lampau";
        } else {
            kind = "salah";
        }
        // an answer's text is what the reporter reads; every other action's note is a reason or a remark
        String subject = action == Action.ANSWER && name.equals(NOTE) ? "jawaban" : name;
        return new FieldError(field(action, name), "galat.petugas." + subject + "." + kind);
    }

    Map<String, Object> model(ReportEntity report, Officer officer, PageRequest request, Map<String, String> sent) {
        ReportViews.Details details = new ReportViews(reports, photos).details(report, officer, handling);
        ZoneId zone = reports.workingDays().zone();
        Locale locale = request.locale();
        OfficerPages.Names names = OfficerPages.Names.of(reports);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", details.trackingNumber());
        model.put("href", OfficerPages.reportHref(details.trackingNumber()));
        model.put("status", request.message("status." + details.status()));
        model.put("category", names.service(details.serviceCode()));
        model.put("reportClass", request.message("kelas." + details.reportClass()));
        model.put("channel", details.channel() == null ? "" : details.channel());
        model.put("description", details.description() == null ? "" : details.description());
        model.put("address", text(details.location().address()));
        model.put("point", point(details.location().latitude(), details.location().longitude()));
        model.put("agency", names.agency(details.agency()));
        model.put("instruction", text(details.instruction()));
        model.put("track", details.track() == null ? "" : request.message("jalur." + details.track()));
        model.put("submitted", time(details.submittedAt(), zone, locale));
        model.put("statusNotes", text(details.statusNotes()));
        model.put("deadlines", deadlines(details.deadlines(), zone, locale));
        model.put("reporter", reporter(details.reporter(), report.confidential()));
        model.put("attributes", attributes(details, report));
        model.put("history", history(details, names, request, zone));
        model.put("photos", details.photos().stream().map(photo -> Map.<String, Object>of("url", photo.url(),
                "answer", photo.followUp() != null)).toList());
        model.put("actions", details.allowedActions());
        model.put("sent", sent);
        if (details.allowedActions().contains(Action.DISPOSITION.code())) {
            model.put("disposition", disposition(report, request));
        }
        model.put("maxPhoto", ReportPage.megabytes(settings.maxPhotoBytes()));
        model.put("back", officer.seesAllReports() ? "kotak-masuk" : "disposisi");
        return model;
    }

    private Map<String, Object> disposition(ReportEntity report, PageRequest request) {
        Optional<ServiceEntity> service = reports.service(report.serviceCode());
        List<Map<String, String>> agencies = new ArrayList<>();
        for (AgencyEntity agency : reports.agencies()) {
            if (agency.active()) {
                agencies.add(OfficerPages.option(agency.code(), agency.name()));
            }
        }
        List<Map<String, Object>> tracks = new ArrayList<>();
        HandlingTrack usual = service.map(ServiceEntity::track).orElse(null);
        for (HandlingTrack track : HandlingTrack.values()) {
            String code = track.name().toLowerCase(Locale.ROOT);
            tracks.add(Map.of("value", code, "label", request.message("jalur." + code), "usual", track == usual));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("agencies", agencies);
        model.put("usualAgency", service.map(ServiceEntity::agencyCode).orElse(""));
        model.put("tracks", tracks);
        model.put("usualTrack", usual == null ? "" : usual.name().toLowerCase(Locale.ROOT));
        model.put("today", reports.workingDays().localDate(java.time.Instant.now()).toString());
        return model;
    }

    private static Map<String, Object> deadlines(ReportViews.Deadlines deadlines, ZoneId zone, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("verification", time(deadlines.verification(), zone, locale));
        model.put("firstResponse", time(deadlines.firstResponse(), zone, locale));
        model.put("answer", time(deadlines.answer(), zone, locale));
        model.put("current", time(deadlines.current(), zone, locale));
        model.put("currentIso", deadlines.current() == null ? "" : deadlines.current().toInstant().toString());
        model.put("overdue", deadlines.overdue());
        return model;
    }

    /** The reporter as {@link ReportViews} gives them: null there (hidden) when confidential and read by the agency. */
    private static Map<String, Object> reporter(ReportViews.Reporter reporter, boolean confidential) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("hidden", reporter == null);
        model.put("confidential", confidential);
        if (reporter != null) {
            model.put("name", text(reporter.name()));
            model.put("email", text(reporter.email()));
            model.put("phone", text(reporter.phone()));
            model.put("anonymous", reporter.anonymous());
        }
        return model;
    }

    private List<Map<String, String>> attributes(ReportViews.Details details, ReportEntity report) {
        Map<String, String> questions = new LinkedHashMap<>();
        reports.attributes(report.serviceCode()).forEach(a -> questions.put(a.code(), a.description()));
        List<Map<String, String>> answers = new ArrayList<>();
        details.attributes().forEach((code, values) -> answers.add(Map.of(
                "question", questions.getOrDefault(code, code), "answer", String.join(", ", values))));
        return answers;
    }

    private static List<Map<String, Object>> history(ReportViews.Details details, OfficerPages.Names names,
                                                     PageRequest request, ZoneId zone) {
        List<Map<String, Object>> history = new ArrayList<>();
        for (ReportViews.Event event : details.history()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("when", time(event.at(), zone, request.locale()));
            entry.put("iso", event.at() == null ? "" : event.at().toInstant().toString());
            entry.put("action", request.message("riwayat.aksi." + (event.action() == null ? "lain" : event.action())));
            entry.put("actor", actor(event.actor(), request));
            entry.put("to", request.message("status." + event.to()));
            entry.put("agency", event.agency() == null ? "" : names.agency(event.agency()));
            entry.put("note", text(event.note()));
            entry.put("publicNote", event.publicNote());
            history.add(entry);
        }
        return history;
    }

    private static String actor(String actor, PageRequest request) {
        if (actor == null) {
            return "";
        }
        return switch (actor) {
            case "citizen", "reporter" -> request.message("riwayat.pelapor");
            default -> actor;
        };
    }

    private static String point(BigDecimal latitude, BigDecimal longitude) {
        return latitude == null || longitude == null ? "" : latitude.toPlainString() + ", " + longitude.toPlainString();
    }

    private static String time(OffsetDateTime time, ZoneId zone, Locale locale) {
        return time == null ? "" : PageTimes.dateTime(time.toInstant(), zone, locale);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
