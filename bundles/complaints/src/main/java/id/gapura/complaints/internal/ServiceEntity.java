package id.gapura.complaints.internal;

import id.gapura.complaints.workflow.HandlingTrack;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

/** A service category of the region, e.g. "Jalan rusak", the agency that answers for it, and its deadline track. */
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
    @Column(name = "agency_code", nullable = false)
    private String agencyCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_rule", nullable = false)
    private HandlingTrack track;
    private boolean active;

    protected ServiceEntity() {
        // for JPA
    }

    public ServiceEntity(String code) {
        this.code = code;
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

    public String agencyCode() {
        return agencyCode;
    }

    public HandlingTrack track() {
        return track;
    }

    public boolean active() {
        return active;
    }

    public void update(String name, String group, String description, String keywords, String agencyCode,
                       HandlingTrack track, boolean active) {
        this.name = name;
        this.group = group;
        this.description = description;
        this.keywords = keywords;
        this.agencyCode = agencyCode;
        this.track = track;
        this.active = active;
    }
}
