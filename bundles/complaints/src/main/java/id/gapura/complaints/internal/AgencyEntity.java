package id.gapura.complaints.internal;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An agency of the region (OPD, e.g. Dinas Perhubungan) that reports are dispositioned to. */
@Entity
@Table(name = "complaints_agency")
public class AgencyEntity {

    @Id
    private String code;
    private String name;
    private boolean active;

    protected AgencyEntity() {
        // for JPA
    }

    public AgencyEntity(String code, String name) {
        this.code = code;
        this.name = name;
        this.active = true;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return active;
    }

    public void update(String name, boolean active) {
        this.name = name;
        this.active = active;
    }
}
