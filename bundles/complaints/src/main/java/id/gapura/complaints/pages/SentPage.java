package id.gapura.complaints.pages;

import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.LinkedHashMap;
import java.util.Map;

/** The confirmation after a report is sent: its tracking number, big, and what happens next. */
@Component(service = Page.class, property = {Page.PATH + "=" + ComplaintsUi.SENT, Page.AUDIENCE + "=" + Page.CITIZEN})
public class SentPage implements Page {

    private final PublicReportModel tracking;

    @Activate
    public SentPage(@Reference PublicReportModel tracking) {
        this.tracking = tracking;
    }

    @Override
    public View get(PageRequest request) {
        return tracking.report(request)
                .map(report -> {
                    Map<String, Object> model = new LinkedHashMap<>(tracking.model(report, request));
                    model.put("photoFailed", request.parameter("foto").isPresent());
                    return View.page("report-sent.ftlh", "terkirim.judul", model);
                })
                .orElseGet(View::notFound);
    }
}
