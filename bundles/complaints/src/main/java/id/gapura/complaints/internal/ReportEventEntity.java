package id.gapura.complaints.internal;

import id.gapura.complaints.workflow.ReportStatus;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/**
 * One entry of a report's history, written once and never changed: who did what, when, from which status
 * to which, with which note. Public notes (an agency's answer) are shown to the reporter and on Open311.
 */
@Entity
@Table(name = "complaints_report_event")
public class ReportEventEntity {

    /** The action recorded for the submission itself, which is not a workflow action. */
    public static final String SUBMIT = "SUBMIT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "report_id", nullable = false)
    private Long reportId;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private String actor;
    private String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private ReportStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private ReportStatus toStatus;
    @Column(name = "agency_code")
    private String agencyCode;
    private String note;
    @Column(name = "public_note", nullable = false)
    private boolean publicNote;

    protected ReportEventEntity() {
        // for JPA
    }

    ReportEventEntity(Long reportId, Instant occurredAt, String actor, String action, ReportStatus fromStatus,
                      ReportStatus toStatus, String agencyCode, String note, boolean publicNote) {
        this.reportId = reportId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.agencyCode = agencyCode;
        this.note = note;
        this.publicNote = publicNote;
    }

    public Long id() {
        return id;
    }

    public Long reportId() {
        return reportId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public ReportStatus fromStatus() {
        return fromStatus;
    }

    public ReportStatus toStatus() {
        return toStatus;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String note() {
        return note;
    }

    public boolean publicNote() {
        return publicNote;
    }
}
