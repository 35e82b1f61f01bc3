package id.gapura.complaints.workflow;

/**
 * What an officer or the reporter does to a report. {@link Workflow} decides which status each action leads
 * to; the data an action needs (agency, instruction, due date, follow-up text) and who may perform it are
 * checked by the caller.
 */
public enum Action {
    /** Coordinator accepts a submitted report as valid. */
    VERIFY,
    /** Coordinator puts a submitted report on hold (tunda). */
    POSTPONE,
    /** Coordinator takes a postponed report back to submitted. */
    RESUME,
    /** Coordinator finds the report outside the region's authority (bukan wewenang) and forwards it. */
    MARK_NOT_OUR_AUTHORITY,
    ARCHIVE,
    /** Coordinator assigns a verified report to an agency with an instruction and a due date. */
    DISPOSITION,
    /** Agency liaison posts a follow-up; may be repeated. */
    ANSWER,
    CLOSE,
    /** Only the reporter, and only within the reopen window after closing; see {@link Workflow#checkReopen}. */
    REOPEN;

    /** The action's name in the REST API and in messages: {@code not_our_authority}, {@code verify}, ... */
    public String code() {
        return this == MARK_NOT_OUR_AUTHORITY ? "not_our_authority" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
