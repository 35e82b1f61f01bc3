package id.gapura.complaints.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A liaison officer (Admin Penghubung), by console/REST user name, and the agency they answer for. */
@Entity
@Table(name = "complaints_liaison")
public class LiaisonEntity {

    @Id
    private String username;
    @Column(name = "agency_code", nullable = false)
    private String agencyCode;

    protected LiaisonEntity() {
        // for JPA
    }

    public LiaisonEntity(String username, String agencyCode) {
        this.username = username;
        this.agencyCode = agencyCode;
    }

    public String username() {
        return username;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public void assign(String agencyCode) {
        this.agencyCode = agencyCode;
    }
}
