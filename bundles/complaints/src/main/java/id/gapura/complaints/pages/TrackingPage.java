package id.gapura.complaints.pages;

import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A report followed by its tracking number: status, timeline, public answers and photos. */
@Component(service = Page.class, property = {Page.PATH + "=" + ComplaintsUi.TRACK, Page.AUDIENCE + "=" + Page.CITIZEN})
public class TrackingPage implements Page {

    private final PublicReportModel reports;

    @Activate
    public TrackingPage(@Reference PublicReportModel reports) {
        this.reports = reports;
    }

    @Override
    public View get(PageRequest request) {
        return reports.report(request)
                .map(report -> View.page("report-track.ftlh", "lacak.judul", reports.model(report, request)))
                .orElseGet(View::notFound);
    }
}
