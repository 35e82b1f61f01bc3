package id.gapura.complaints.internal;

import id.gapura.complaints.workflow.Action;
import id.gapura.complaints.workflow.HandlingTrack;

import java.time.LocalDate;

/**
 * What an officer asks to do with a report.
 *
 * @param note        reason, answer text or remark; required for postpone, not-our-authority, archive and answer
 * @param agencyCode  disposition only: the agency that must answer
 * @param instruction disposition only: what the agency is asked to do
 * @param track       disposition only: overrides the category's deadline track
 * @param dueDate     disposition only: overrides the computed answer deadline (a date in the region's zone)
 * @param forwardedTo not-our-authority only: the body the report is forwarded to
 */
public record HandlingRequest(Action action, String note, String agencyCode, String instruction,
                              HandlingTrack track, LocalDate dueDate, String forwardedTo) {

    public static HandlingRequest of(Action action, String note) {
        return new HandlingRequest(action, note, null, null, null, null, null);
    }
}
