package id.gapura.permits.workflow;

import java.util.Locale;

/** Whether an application's service-level clock counts. */
public enum ClockState {
    /** A draft: nothing filed yet. */
    NOT_STARTED,
    RUNNING,
    /** Returned to the applicant as incomplete. */
    PAUSED,
    /** Decided (issued or rejected): the days used are final. */
    STOPPED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
