package id.gapura.api;

/** How an administrative action ended. */
public enum AuditOutcome {
    /** Done as asked. */
    SUCCEEDED,
    /** Not done because a rule said no (untrusted agreement, module not covered, ...); nothing was changed. */
    REFUSED,
    /** Tried and failed; what was changed is rolled back or said in the detail. */
    FAILED,
    /** Partly done: the detail says what was done and what was not. */
    PARTIAL
}
