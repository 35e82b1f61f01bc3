package id.gapura.permits.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/** A permit type of the region; its lists and fee rule are JSON (see {@link PermitTypes}). */
@Entity
@Table(name = "permits_type")
public class PermitTypeEntity {

    @Id
    String code;
    String name;
    String description;
    @Column(name = "required_documents")
    String requiredDocuments;
    String stages;
    @Column(name = "sla_days")
    int slaDays;
    @Column(name = "fee_rule")
    String feeRule;
    @Column(name = "validity_months")
    Integer validityMonths;
    boolean renewable;
    @Column(name = "renewal_days_before")
    int renewalDaysBefore;
    @Column(name = "number_format")
    String numberFormat;
    boolean active;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected PermitTypeEntity() {
        // for JPA
    }

    PermitTypeEntity(String code) {
        this.code = code;
    }
}
