package id.gapura.permits.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/** One step taken on an application; written once, never changed. */
@Entity
@Table(name = "permits_application_event")
public class ApplicationEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "application_id")
    Long applicationId;
    @Column(name = "occurred_at")
    Instant occurredAt;
    String actor;
    String step;
    @Column(name = "from_stage")
    String fromStage;
    @Column(name = "to_stage")
    String toStage;
    String note;
    @Column(name = "clock_days_used")
    int clockDaysUsed;

    protected ApplicationEventEntity() {
        // for JPA
    }

    ApplicationEventEntity(Long applicationId, Instant occurredAt, String actor, String step, String fromStage,
                           String toStage, String note, int clockDaysUsed) {
        this.applicationId = applicationId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.step = step;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.note = note;
        this.clockDaysUsed = clockDaysUsed;
    }
}
