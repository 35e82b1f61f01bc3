package id.gapura.complaints.pages;

import id.gapura.api.ui.PageRequest;
import id.gapura.complaints.internal.PhotoService;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.rest.ReportViews;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A report as the public sees it, for the tracking and confirmation pages: status, the timeline with the public
 * answers, photos. The same view as {@code GET /api/complaints/reports/{number}}: no reporter's data, ever.
 */
@Component(service = PublicReportModel.class)
public class PublicReportModel {

    private final ReportService reports;
    private final PhotoService photos;

    @Activate
    public PublicReportModel(@Reference ReportService reports, @Reference PhotoService photos) {
        this.reports = reports;
        this.photos = photos;
    }

    Optional<ReportEntity> report(PageRequest request) {
        // as a citizen types it off a screen, in any case; the service refuses what is no tracking number
        return reports.byTrackingNumber(request.parameter("nomor").orElse("").toUpperCase(Locale.ROOT));
    }

    Map<String, Object> model(ReportEntity report, PageRequest request) {
        ReportViews.PublicReport view = new ReportViews(reports, photos).publicView(report);
        ZoneId zone = reports.workingDays().zone();
        Locale locale = request.locale();
        List<Map<String, String>> timeline = new ArrayList<>();
        for (ReportViews.PublicUpdate update : view.updates()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("when", PageTimes.dateTime(update.at().toInstant(), zone, locale));
            entry.put("iso", update.at().toInstant().toString());
            entry.put("status", request.message("status." + update.status()));
            entry.put("note", update.note() == null ? "" : update.note());
            timeline.add(entry);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", view.trackingNumber());
        model.put("status", request.message("status." + view.status()));
        model.put("open", report.status().isOpen());
        model.put("category", reports.service(view.serviceCode()).map(s -> s.name()).orElse(view.serviceCode()));
        model.put("description", view.description());
        model.put("address", view.address() == null ? "" : view.address());
        model.put("agency", view.agency() == null ? "" : view.agency());
        model.put("submitted", PageTimes.dateTime(report.submittedAt(), zone, locale));
        model.put("verificationDue", PageTimes.date(report.verificationDue(), zone, locale));
        model.put("timeline", timeline);
        model.put("photos", view.photos().stream().map(ReportViews.Photo::url).toList());
        return model;
    }
}
