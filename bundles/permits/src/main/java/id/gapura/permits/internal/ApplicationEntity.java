package id.gapura.permits.internal;

import id.gapura.permits.workflow.ClockState;
import id.gapura.permits.workflow.ServiceClock;
import id.gapura.permits.workflow.Stage;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An application (permohonan) and, once issued, the permit. Personal fields never reach public endpoints. */
@Entity
@Table(name = "permits_application")
public class ApplicationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "registration_number")
    String registrationNumber;
    @Column(name = "type_code")
    String typeCode;
    String kind;
    @Column(name = "parent_id")
    Long parentId;
    @Enumerated(EnumType.STRING)
    Stage stage;
    String channel;
    @Column(name = "filed_by")
    String filedBy;
    @Column(name = "applicant_kind")
    String applicantKind;
    @Column(name = "applicant_id_number")
    String applicantIdNumber;
    @Column(name = "applicant_name")
    String applicantName;
    @Column(name = "applicant_address")
    String applicantAddress;
    @Column(name = "applicant_phone")
    String applicantPhone;
    @Column(name = "applicant_email")
    String applicantEmail;
    String subject;
    String location;
    @Column(name = "fee_parameters")
    String feeParameters;
    String documents;
    @Column(name = "missing_documents")
    String missingDocuments;
    String stages;
    @Column(name = "has_fee")
    boolean hasFee;
    @Enumerated(EnumType.STRING)
    @Column(name = "clock_state")
    ClockState clockState;
    @Column(name = "sla_days")
    int slaDays;
    @Column(name = "clock_days_used")
    int clockDaysUsed;
    @Column(name = "clock_running_since")
    Instant clockRunningSince;
    String recommendation;
    @Column(name = "recommendation_note")
    String recommendationNote;
    @Column(name = "fee_amount")
    BigDecimal feeAmount;
    @Column(name = "fee_formula")
    String feeFormula;
    @Column(name = "skrd_number")
    String skrdNumber;
    @Column(name = "payment_reference")
    String paymentReference;
    @Column(name = "paid_at")
    Instant paidAt;
    @Column(name = "signed_by")
    String signedBy;
    @Column(name = "signed_at")
    Instant signedAt;
    @Column(name = "permit_number")
    String permitNumber;
    @Column(name = "issued_at")
    Instant issuedAt;
    @Column(name = "issued_on")
    LocalDate issuedOn;
    @Column(name = "valid_until")
    LocalDate validUntil;
    @Column(name = "superseded_by_id")
    Long supersededById;
    @Column(name = "rejection_reasons")
    String rejectionReasons;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "submitted_at")
    Instant submittedAt;
    @Column(name = "decided_at")
    Instant decidedAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected ApplicationEntity() {
        // for JPA
    }

    ApplicationEntity(String registrationNumber, Instant now) {
        this.registrationNumber = registrationNumber;
        this.stage = Stage.DRAFT;
        this.clockState = ClockState.NOT_STARTED;
        this.missingDocuments = "[]";
        this.createdAt = now;
        this.updatedAt = now;
    }

    ServiceClock clock() {
        return new ServiceClock(slaDays, clockState, clockDaysUsed, clockRunningSince);
    }

    void clock(ServiceClock clock) {
        this.clockState = clock.state();
        this.clockDaysUsed = clock.daysUsedBefore();
        this.clockRunningSince = clock.runningSince();
    }
}
