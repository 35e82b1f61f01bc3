package id.gapura.complaints.workflow;

/**
 * Where a report stands in the SP4N-LAPOR! flow. Reopening is not a status of its own: a reopened report
 * goes back to {@link #DISPOSITIONED}.
 */
public enum ReportStatus {
    SUBMITTED(true),
    VERIFIED(true),
    POSTPONED(true),
    /** Outside the region's authority: forwarded to the competent body, so closed for us. */
    NOT_OUR_AUTHORITY(false),
    ARCHIVED(false),
    DISPOSITIONED(true),
    /** Still open: the agency may add follow-ups until the report is closed. */
    ANSWERED(true),
    CLOSED(false);

    // Open311 "closed" means nobody in this region has anything left to do on the report.
    private final boolean open;

    ReportStatus(boolean open) {
        this.open = open;
    }

    public boolean isOpen() {
        return open;
    }

    /** The Open311 GeoReport v2 public status: {@code "open"} or {@code "closed"}. */
    public String open311Status() {
        return open ? "open" : "closed";
    }
}
