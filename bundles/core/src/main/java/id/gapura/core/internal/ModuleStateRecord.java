package id.gapura.core.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

/** Whether the region wants a module installed; the row outlives Karaf's data/ cache. */
@Entity
@Table(name = "gapura_module_state")
public class ModuleStateRecord {

    @Id
    @Column(name = "module_id")
    private String moduleId;

    @Column(name = "installed", nullable = false)
    private boolean installed;

    @Column(name = "version", nullable = false)
    private String version;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    protected ModuleStateRecord() {
        // for JPA
    }

    ModuleStateRecord(String moduleId) {
        this.moduleId = moduleId;
    }

    void change(boolean installed, String version, Instant at, String by) {
        this.installed = installed;
        this.version = version;
        this.changedAt = at;
        this.changedBy = by;
    }
}
