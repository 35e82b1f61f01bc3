package id.gapura.core.internal;

import id.gapura.api.AuditEntry;
import id.gapura.api.AuditOutcome;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/** One row of the audit log; written once, never updated. */
@Entity
@Table(name = "gapura_audit")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Column(name = "module_id", updatable = false)
    private String moduleId;

    @Column(name = "subject", nullable = false, updatable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false)
    private AuditOutcome outcome;

    @Column(name = "detail", nullable = false, updatable = false)
    private String detail;

    protected AuditRecord() {
        // for JPA
    }

    AuditRecord(Instant recordedAt, String actor, String action, String moduleId, String subject,
                AuditOutcome outcome, String detail) {
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.action = action;
        this.moduleId = moduleId;
        this.subject = subject;
        this.outcome = outcome;
        this.detail = detail;
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, recordedAt, actor, action, moduleId, subject, outcome, detail);
    }
}
