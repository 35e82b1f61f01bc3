package id.gapura.complaints.pages;

import id.gapura.api.FieldError;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportQuery;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.workflow.ReportStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A liaison officer's work: the reports dispositioned to their agency, with the deadline each is working against,
 * the open ones by default. The agency is the officer's assignment, as in the API; a liaison without one is told
 * who assigns it.
 */
@Component(service = Page.class, property = {Page.PATH + "=" + ComplaintsUi.DISPOSITIONS,
        Page.AUDIENCE + "=" + Page.OFFICER, Page.ROLES + "=" + Officer.LIAISON})
public class DispositionsPage implements Page {

    static final String STATUS = "status";
    /** The statuses a disposition goes through; "open" (the default) is the first two. */
    static final List<ReportStatus> STATUSES = List.of(ReportStatus.DISPOSITIONED, ReportStatus.ANSWERED,
            ReportStatus.CLOSED);
    static final String OPEN = "terbuka";
    static final String ALL = "semua";

    private final ReportService reports;
    private final HandlingService handling;
    private final Clock clock;

    @Activate
    public DispositionsPage(@Reference ReportService reports, @Reference HandlingService handling) {
        this(reports, handling, Clock.systemUTC());
    }

    DispositionsPage(ReportService reports, HandlingService handling, Clock clock) {
        this.reports = reports;
        this.handling = handling;
        this.clock = clock;
    }

    @Override
    public View get(PageRequest request) {
        Officer officer = OfficerPages.officer(request, handling);
        Map<String, Object> model = new LinkedHashMap<>();
        Optional<String> agency = officer.liaisonAgency();
        if (agency.isEmpty()) {
            model.put("assigned", false);
            model.put("user", officer.username());
            return View.page("officer-dispositions.ftlh", "disposisi.judul", model);
        }
        OfficerPages.Names names = OfficerPages.Names.of(reports);
        model.put("assigned", true);
        model.put("agency", names.agency(agency.get()));
        List<FieldError> errors = new ArrayList<>();
        String status = request.parameter(STATUS).orElse(OPEN);
        List<ReportStatus> statuses;
        if (status.equals(OPEN)) {
            statuses = STATUSES.subList(0, 2);
        } else if (status.equals(ALL)) {
            statuses = STATUSES;
        } else {
            statuses = OfficerPages.status(status).filter(STATUSES::contains).map(List::of).orElse(null);
            if (statuses == null) {
                errors.add(new FieldError(STATUS, "galat.petugas.status"));
            }
        }
        OfficerPages.Paging paging = OfficerPages.paging(request, errors);
        List<java.util.Map<String, String>> options = new ArrayList<>();
        options.add(OfficerPages.option(OPEN, request.message("disposisi.terbuka")));
        for (ReportStatus s : STATUSES) {
            options.add(OfficerPages.option(OfficerPages.code(s), request.message("status." + OfficerPages.code(s))));
        }
        options.add(OfficerPages.option(ALL, request.message("disposisi.semua")));
        model.put("statuses", options);
        model.put("status", status);
        if (!errors.isEmpty()) {
            model.put("rows", List.of());
            model.put("paging", Map.of("first", 0, "last", 0));
            return View.page("officer-dispositions.ftlh", "disposisi.judul", model).invalid(errors);
        }
        Instant now = clock.instant();
        List<ReportEntity> found = reports.search(new ReportQuery(null, null, statuses, agency.get(), null, null,
                null, null, paging.offset(), paging.probe()));
        model.put("rows", OfficerPages.rows(found, paging.limit(), reports, names, request, now));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put(STATUS, status.equals(OPEN) ? "" : status);
        model.put("paging", OfficerPages.pagingModel(ComplaintsUi.DISPOSITIONS, filters, paging, found.size()));
        return View.page("officer-dispositions.ftlh", "disposisi.judul", model);
    }
}
