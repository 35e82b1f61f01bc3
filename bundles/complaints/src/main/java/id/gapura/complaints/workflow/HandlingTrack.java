package id.gapura.complaints.workflow;

/**
 * How much work a complaint needs before it can be answered, which decides its answer deadline: a simple
 * matter, an investigation without a field check, or one with a field check. Each category has a default
 * track; the coordinator may choose another when dispositioning.
 */
public enum HandlingTrack {
    SIMPLE,
    INVESTIGATION,
    FIELD_CHECK
}
