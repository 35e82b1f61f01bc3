package id.gapura.complaints.pages;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.ui.PageRequest;
import id.gapura.complaints.internal.AgencyEntity;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.ServiceEntity;
import id.gapura.complaints.rest.Officers;
import id.gapura.complaints.rest.ReportViews;
import id.gapura.complaints.workflow.ReportStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the officer pages share: who is asking (as the API sees them: {@link Officers}), the paging of a list, and a
 * report as a line of a list with its flags (new, due soon, overdue).
 */
final class OfficerPages {

    /** Where the module's officer pages answer. */
    static final String ROOT = "/kantor/complaints";
    static final int PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 100;
    /** The furthest a list pages; further back, filters find reports faster than paging does. */
    static final int MAX_OFFSET = 100_000;
    static final String OFFSET = "mulai";
    static final String LIMIT = "per";

    private OfficerPages() {
    }

    /** The officer of the session, with the module roles and liaison agency the API would give them. */
    static Officer officer(PageRequest request, HandlingService handling) {
        PageRequest.Officer session = request.officer()
                .orElseThrow(() -> ProblemException.forbidden("An officer page was called without an officer."));
        return Officers.officer(session.name(), session.roles(), handling);
    }

    static String reportHref(String trackingNumber) {
        return ROOT + ComplaintsUi.REPORT_PAGE + "?nomor=" + trackingNumber;
    }

    /** A page of a list: which lines, as the query's offset and limit. */
    record Paging(int offset, int limit) {

        /** The query asks for one line more than it shows, to know whether there is a next page. */
        int probe() {
            return limit + 1;
        }
    }

    /** {@code mulai} and {@code per} of the request, bounded; an error per field that is not a number in range. */
    static Paging paging(PageRequest request, List<FieldError> errors) {
        int offset = number(request, OFFSET, 0, 0, MAX_OFFSET, "galat.petugas.mulai", errors);
        int limit = number(request, LIMIT, PAGE_SIZE, 1, MAX_PAGE_SIZE, "galat.petugas.per", errors);
        return new Paging(offset, limit);
    }

    private static int number(PageRequest request, String field, int absent, int min, int max, String message,
                              List<FieldError> errors) {
        Optional<String> value = request.parameter(field);
        if (value.isEmpty()) {
            return absent;
        }
        String text = value.get();
        if (text.length() > 7 || !text.matches("\\d+") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            errors.add(new FieldError(field, message));
            return absent;
        }
        return Integer.parseInt(text);
    }

    /**
     * Links to the previous and next pages, keeping the filters ({@code prevHref}, {@code nextHref}, absent when
     * there is none), and which lines are shown ({@code first}, {@code last}).
     */
    static Map<String, Object> pagingModel(String path, Map<String, String> filters, Paging paging, int found) {
        Map<String, Object> model = new LinkedHashMap<>();
        int shown = Math.min(found, paging.limit());
        model.put("first", shown == 0 ? 0 : paging.offset() + 1);
        model.put("last", paging.offset() + shown);
        if (paging.offset() > 0) {
            model.put("prevHref", pageHref(path, filters, Math.max(0, paging.offset() - paging.limit()), paging));
        }
        if (found > paging.limit() && paging.offset() + paging.limit() <= MAX_OFFSET) {
            model.put("nextHref", pageHref(path, filters, paging.offset() + paging.limit(), paging));
        }
        return model;
    }

    private static String pageHref(String path, Map<String, String> filters, int offset, Paging paging) {
        Map<String, String> query = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.put(name, value);
            }
        });
        if (offset > 0) {
            query.put(OFFSET, Integer.toString(offset));
        }
        if (paging.limit() != PAGE_SIZE) {
            query.put(LIMIT, Integer.toString(paging.limit()));
        }
        return ROOT + path + (query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** Display names of the region's categories and agencies, read once per page. */
    record Names(Map<String, String> services, Map<String, String> agencies) {

        static Names of(ReportService reports) {
            Map<String, String> services = new LinkedHashMap<>();
            for (ServiceEntity service : reports.allServices()) {
                services.put(service.code(), service.name());
            }
            Map<String, String> agencies = new LinkedHashMap<>();
            for (AgencyEntity agency : reports.agencies()) {
                agencies.put(agency.code(), agency.name());
            }
            return new Names(services, agencies);
        }

        String service(String code) {
            return code == null ? "" : services.getOrDefault(code, code);
        }

        String agency(String code) {
            return code == null ? "" : agencies.getOrDefault(code, code);
        }
    }

    /**
     * Reports as lines of a list: number and its link, category, agency, status, submission and the deadline the
     * report is working against, and its flags: {@code fresh} (submitted, not yet verified), {@code overdue} (past
     * that deadline, as the API's list says) and {@code soon} (due by the end of the next working day).
     */
    static List<Map<String, Object>> rows(List<ReportEntity> found, int limit, ReportService reports, Names names,
                                          PageRequest request, Instant now) {
        ReportViews views = new ReportViews(reports, null);
        ZoneId zone = reports.workingDays().zone();
        Instant soon = reports.workingDays().deadline(now, 1);
        Locale locale = request.locale();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportEntity report : found.subList(0, Math.min(limit, found.size()))) {
            ReportViews.Summary summary = views.summary(report);
            Instant deadline = report.currentDeadline();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", report.trackingNumber());
            row.put("href", reportHref(report.trackingNumber()));
            row.put("category", names.service(report.serviceCode()));
            row.put("agency", names.agency(report.agencyCode()));
            row.put("status", request.message("status." + summary.status()));
            row.put("submitted", PageTimes.dateTime(report.submittedAt(), zone, locale));
            row.put("submittedIso", PageTimes.iso(report.submittedAt()));
            row.put("deadline", PageTimes.dateTime(deadline, zone, locale));
            row.put("deadlineIso", PageTimes.iso(deadline));
            row.put("fresh", report.status() == ReportStatus.SUBMITTED);
            row.put("overdue", summary.overdue());
            row.put("soon", deadline != null && !summary.overdue() && !deadline.isAfter(soon));
            rows.add(row);
        }
        return rows;
    }

    /** Options of a select: value and label. */
    static Map<String, String> option(String value, String label) {
        return Map.of("value", value, "label", label);
    }

    /** A status code ({@code dispositioned}) as the API writes it. */
    static String code(ReportStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static Optional<ReportStatus> status(String code) {
        for (ReportStatus status : ReportStatus.values()) {
            if (code(status).equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
