package id.gapura.complaints.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A service category of the region, e.g. "Jalan rusak", and the agency that answers for it. */
@Entity
@Table(name = "complaints_service")
public class ServiceEntity {

    @Id
    private String code;
    private String name;
    @Column(name = "group_name")
    private String group;
    private String description;
    private String keywords;
    private String agency;
    private boolean active;

    protected ServiceEntity() {
        // for JPA
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String group() {
        return group;
    }

    public String description() {
        return description;
    }

    public String keywords() {
        return keywords;
    }

    public String agency() {
        return agency;
    }

    public boolean active() {
        return active;
    }
}
