package id.gapura.permits.pages;

import id.gapura.api.ProblemException;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.Views;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An application followed by its registration number ({@code IZN-2026-...}): its stage, the service clock in
 * working days, missing documents, the fee and, once issued, the permit number. The same view as
 * {@code GET /api/permits/online/applications/{number}}: no applicant's data.
 */
@Component(service = Page.class, property = {Page.PATH + "=" + PermitsUi.TRACK, Page.AUDIENCE + "=" + Page.CITIZEN})
public class TrackingPage implements Page {

    private final Applications applications;

    @Activate
    public TrackingPage(@Reference Applications applications) {
        this.applications = applications;
    }

    @Override
    public View get(PageRequest request) {
        String number = request.parameter("nomor").orElse("").toUpperCase(Locale.ROOT);
        if (applications.find(number).isEmpty()) {
            return View.notFound();
        }
        Views.Tracking tracking;
        try {
            tracking = applications.tracking(number);
        } catch (ProblemException e) {
            return View.notFound();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", tracking.registrationNumber());
        model.put("type", tracking.type().name());
        model.put("stage", tracking.stageLabel());
        model.put("missing", tracking.missingDocuments());
        Views.Clock clock = tracking.clock();
        model.put("hasClock", clock != null);
        if (clock != null) {
            model.put("slaDays", clock.slaDays());
            model.put("daysUsed", clock.daysUsed());
            model.put("daysRemaining", clock.daysRemaining());
            model.put("overdue", clock.overdue());
            model.put("clockState", clock.state());
            model.put("deadline", clock.deadline() == null ? ""
                    : DateTimeFormatter.ofPattern("d MMMM yyyy", request.locale()).format(clock.deadline()));
        }
        model.put("fee", tracking.feeAmount() == null ? "" : id.gapura.permits.rules.FeeRule.rupiah(tracking.feeAmount()));
        model.put("permitNumber", tracking.permitNumber() == null ? "" : tracking.permitNumber());
        model.put("rejection", tracking.rejectionReasons() == null ? "" : tracking.rejectionReasons());
        return View.page("tracking.ftlh", "lacak.judul", model);
    }
}
