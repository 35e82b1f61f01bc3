package id.gapura.complaints.internal;

import id.gapura.api.Health;
import id.gapura.api.ModuleSchema;
import id.gapura.api.persistence.ModuleDatabase;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The module's tables: there once the platform has migrated them ({@link ModuleSchema}), before anything else of the module may use them. */
@Component(service = ComplaintsDatabase.class, immediate = true)
public class ComplaintsDatabase extends ModuleDatabase {

    @Activate
    public ComplaintsDatabase(@Reference(target = "(gapura.module.id=complaints)") ModuleSchema schema,
                              @Reference(target = "(osgi.unit.name=complaints)") JpaTemplate jpa) {
        super(jpa);
    }

    /** For tests that bring their own migrated database. */
    ComplaintsDatabase(JpaTemplate jpa) {
        super(jpa);
    }

    public Health health() {
        try {
            long services = read(em -> em.createQuery("select count(s) from ServiceEntity s", Long.class)
                    .getSingleResult());
            return Health.up("database reachable, " + services + " service categories");
        } catch (RuntimeException e) {
            return Health.down("database unreachable: " + e.getMessage());
        }
    }
}
