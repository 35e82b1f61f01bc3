package id.gapura.complaints.pages;

import id.gapura.api.FieldError;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
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
 * The coordinator's inbox: every report, newest first, with new, due-soon and overdue ones flagged, filtered by
 * category, agency and status with a GET form, a page at a time. The same search as the API's report list.
 */
@Component(service = Page.class, property = {Page.PATH + "=" + ComplaintsUi.INBOX, Page.AUDIENCE + "=" + Page.OFFICER,
        Page.ROLES + "=" + Officer.COORDINATOR, Page.ROLES + "=" + Officer.VIEWER})
public class InboxPage implements Page {

    static final String CATEGORY = "kategori";
    static final String AGENCY = "instansi";
    static final String STATUS = "status";
    static final String OVERDUE = "terlambat";

    private final ReportService reports;
    private final Clock clock;

    @Activate
    public InboxPage(@Reference ReportService reports) {
        this(reports, Clock.systemUTC());
    }

    InboxPage(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public View get(PageRequest request) {
        OfficerPages.Names names = OfficerPages.Names.of(reports);
        List<FieldError> errors = new ArrayList<>();
        String category = request.parameter(CATEGORY).orElse("");
        if (!category.isEmpty() && !names.services().containsKey(category)) {
            errors.add(new FieldError(CATEGORY, "galat.petugas.kategori"));
        }
        String agency = request.parameter(AGENCY).orElse("");
        if (!agency.isEmpty() && !names.agencies().containsKey(agency)) {
            errors.add(new FieldError(AGENCY, "galat.petugas.instansi"));
        }
        String status = request.parameter(STATUS).orElse("");
        Optional<ReportStatus> statusFilter = OfficerPages.status(status);
        if (!status.isEmpty() && statusFilter.isEmpty()) {
            errors.add(new FieldError(STATUS, "galat.petugas.status"));
        }
        boolean overdue = request.parameter(OVERDUE).isPresent();
        OfficerPages.Paging paging = OfficerPages.paging(request, errors);

        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put(CATEGORY, category);
        filters.put(AGENCY, agency);
        filters.put(STATUS, status);
        filters.put(OVERDUE, overdue ? "ya" : "");
        model.put("filters", filters);
        model.put("categories", names.services().entrySet().stream()
                .map(e -> OfficerPages.option(e.getKey(), e.getValue())).toList());
        model.put("agencies", names.agencies().entrySet().stream()
                .map(e -> OfficerPages.option(e.getKey(), e.getValue())).toList());
        List<Map<String, String>> statuses = new ArrayList<>();
        for (ReportStatus s : ReportStatus.values()) {
            statuses.add(OfficerPages.option(OfficerPages.code(s), request.message("status." + OfficerPages.code(s))));
        }
        model.put("statuses", statuses);
        if (!errors.isEmpty()) {
            model.put("rows", List.of());
            model.put("paging", Map.of("first", 0, "last", 0));
            return View.page("officer-inbox.ftlh", "kotak.judul", model).invalid(errors);
        }
        Instant now = clock.instant();
        List<ReportEntity> found = reports.search(new ReportQuery(null,
                category.isEmpty() ? null : List.of(category), statusFilter.map(List::of).orElse(null),
                agency.isEmpty() ? null : agency, null, null, null, overdue ? now : null,
                paging.offset(), paging.probe()));
        model.put("rows", OfficerPages.rows(found, paging.limit(), reports, names, request, now));
        model.put("paging", OfficerPages.pagingModel(ComplaintsUi.INBOX, filters, paging, found.size()));
        return View.page("officer-inbox.ftlh", "kotak.judul", model);
    }
}
