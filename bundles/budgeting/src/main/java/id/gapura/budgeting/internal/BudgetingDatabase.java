package id.gapura.budgeting.internal;

import id.gapura.api.Health;
import id.gapura.api.ModuleSchema;
import id.gapura.api.persistence.ModuleDatabase;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The module's tables: there once the platform has migrated them ({@link ModuleSchema}), before anything else of the module may use them. */
@Component(service = BudgetingDatabase.class, immediate = true)
public class BudgetingDatabase extends ModuleDatabase {

    @Activate
    public BudgetingDatabase(@Reference(target = "(gapura.module.id=budgeting)") ModuleSchema schema,
                             @Reference(target = "(osgi.unit.name=budgeting)") JpaTemplate jpa) {
        super(jpa);
    }

    /** For tests that bring their own migrated database. */
    BudgetingDatabase(JpaTemplate jpa) {
        super(jpa);
    }

    public Health health() {
        try {
            long years = read(em -> em.createQuery("select count(y) from YearEntity y", Long.class).getSingleResult());
            Number agencies = (Number) read(em -> em.createNativeQuery("SELECT COUNT(*) FROM budgeting_agency").getSingleResult());
            return Health.up("database reachable, " + agencies + " agencies, " + years + " fiscal years");
        } catch (RuntimeException e) {
            return Health.down("database unreachable: " + e.getMessage());
        }
    }
}
