package id.gapura.budgeting.internal;

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

import javax.persistence.EntityManager;
import javax.persistence.Query;
import java.util.List;

/** The module's tables, migrated to the newest version before anything else of the module may use them. */
@Component(service = BudgetingDatabase.class, immediate = true)
public class BudgetingDatabase {

    private final JpaTemplate jpa;

    @Activate
    public BudgetingDatabase(@Reference SchemaMigrator migrator,
                             @Reference(target = "(osgi.unit.name=budgeting)") JpaTemplate jpa,
                             BundleContext context) {
        migrator.migrate(context.getBundle());
        this.jpa = jpa;
    }

    /** For tests that bring their own migrated database. */
    BudgetingDatabase(JpaTemplate jpa) {
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

    /** Rows of a native query with positional parameters. */
    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager em, String sql, Object... arguments) {
        List<Object> result = bind(em.createNativeQuery(sql), arguments).getResultList();
        return result.stream().map(row -> row instanceof Object[] columns ? columns : new Object[]{row}).toList();
    }

    static int update(EntityManager em, String sql, Object... arguments) {
        return bind(em.createNativeQuery(sql), arguments).executeUpdate();
    }

    private static Query bind(Query query, Object... arguments) {
        for (int i = 0; i < arguments.length; i++) {
            query.setParameter(i + 1, arguments[i]);
        }
        return query;
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
