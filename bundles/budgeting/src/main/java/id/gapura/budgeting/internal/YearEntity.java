package id.gapura.budgeting.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/** A fiscal year and the stage and version it is in. */
@Entity
@Table(name = "budgeting_year")
public class YearEntity {

    @Id
    @Column(name = "fiscal_year")
    Integer year;
    String stage;
    int version;
    @Column(name = "version_kind")
    String versionKind;
    @Column(name = "updated_by")
    String updatedBy;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected YearEntity() {
        // for JPA
    }

    YearEntity(int year, String stage, String updatedBy, Instant updatedAt) {
        this.year = year;
        this.stage = stage;
        this.version = 1;
        this.versionKind = "murni";
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }
}
