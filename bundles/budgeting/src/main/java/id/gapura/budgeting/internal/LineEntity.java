package id.gapura.budgeting.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A budget line (rincian belanja); removed lines stay, flagged. */
@Entity
@Table(name = "budgeting_line")
public class LineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "fiscal_year")
    int year;
    @Column(name = "agency_code")
    String agencyCode;
    @Column(name = "sub_kegiatan_code")
    String subKegiatanCode;
    @Column(name = "account_code")
    String accountCode;
    String description;
    BigDecimal volume;
    String unit;
    @Column(name = "unit_price")
    BigDecimal unitPrice;
    BigDecimal amount;
    String status;
    String note;
    boolean removed;
    @Column(name = "updated_by")
    String updatedBy;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected LineEntity() {
        // for JPA
    }

    LineEntity(int year, String agencyCode) {
        this.year = year;
        this.agencyCode = agencyCode;
    }
}
