package id.gapura.complaints.internal;

import id.gapura.complaints.workflow.ReportClass;
import id.gapura.complaints.workflow.ReportStatus;

import java.time.Instant;
import java.util.Collection;

/**
 * Filters for listing reports; null or empty means "any".
 *
 * @param overdueAt when set, only reports past the deadline they are working against at this instant
 */
public record ReportQuery(Collection<String> trackingNumbers, Collection<String> serviceCodes,
                          Collection<ReportStatus> statuses, String agencyCode, ReportClass reportClass,
                          Instant submittedFrom, Instant submittedBefore, Instant overdueAt, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public ReportQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static ReportQuery all() {
        return new ReportQuery(null, null, null, null, null, null, null, null, 0, MAX_LIMIT);
    }
}
