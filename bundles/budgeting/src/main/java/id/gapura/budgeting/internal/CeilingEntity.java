package id.gapura.budgeting.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A ceiling (pagu) of an agency ({@link #AGENCY} as sub kegiatan) or of one sub kegiatan of an agency. */
@Entity
@Table(name = "budgeting_ceiling")
public class CeilingEntity {

    static final String AGENCY = "-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "fiscal_year")
    int year;
    @Column(name = "agency_code")
    String agencyCode;
    @Column(name = "sub_kegiatan_code")
    String subKegiatanCode;
    BigDecimal amount;
    @Column(name = "updated_by")
    String updatedBy;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected CeilingEntity() {
        // for JPA
    }

    CeilingEntity(int year, String agencyCode, String subKegiatanCode, BigDecimal amount, String updatedBy, Instant updatedAt) {
        this.year = year;
        this.agencyCode = agencyCode;
        this.subKegiatanCode = subKegiatanCode;
        this.amount = amount;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }
}
