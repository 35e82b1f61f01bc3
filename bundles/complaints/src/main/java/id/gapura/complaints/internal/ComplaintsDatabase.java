package id.gapura.complaints.internal;

import id.gapura.api.Health;
import id.gapura.api.SchemaMigrator;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The module's tables, migrated to the newest version before anything else of the module may use them. */
@Component(service = ComplaintsDatabase.class, immediate = true)
public class ComplaintsDatabase {

    private final JpaTemplate jpa;

    @Activate
    public ComplaintsDatabase(@Reference SchemaMigrator migrator,
                              @Reference(target = "(osgi.unit.name=complaints)") JpaTemplate jpa,
                              BundleContext context) {
        migrator.migrate(context.getBundle());
        this.jpa = jpa;
    }

    /** For tests that bring their own migrated database. */
    ComplaintsDatabase(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    public <R> R read(EmFunction<R> query) {
        return jpa.txExpr(TransactionType.Required, query);
    }

    public <R> R write(EmFunction<R> change) {
        return jpa.txExpr(TransactionType.Required, change);
    }

    public void write(EmConsumer change) {
        jpa.tx(TransactionType.Required, change);
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
