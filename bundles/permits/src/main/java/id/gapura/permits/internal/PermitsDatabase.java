package id.gapura.permits.internal;

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
import java.util.Optional;

/** The module's tables, migrated to the newest version before anything else of the module may use them. */
@Component(service = PermitsDatabase.class, immediate = true)
public class PermitsDatabase {

    private final JpaTemplate jpa;

    @Activate
    public PermitsDatabase(@Reference SchemaMigrator migrator,
                           @Reference(target = "(osgi.unit.name=permits)") JpaTemplate jpa,
                           BundleContext context) {
        migrator.migrate(context.getBundle());
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

    /** Makes sure a counter exists, in a transaction of its own; see {@link Counters#ensure}. */
    void ensureCounter(String key, int year) {
        try {
            write((EmConsumer) em -> Counters.ensure(sql(em), key, year));
        } catch (RuntimeException e) {
            // another issuer created it at the same moment; the next step reads it
            read(em -> Counters.last(sql(em), key, year));
        }
    }

    /** The counters' SQL over the entity manager's connection, so a number is taken in the caller's transaction. */
    static Counters.Sql sql(EntityManager em) {
        return new Counters.Sql() {
            @Override
            public int update(String sql, Object... arguments) {
                return bind(em.createNativeQuery(sql), arguments).executeUpdate();
            }

            @Override
            public Optional<Long> queryLong(String sql, Object... arguments) {
                @SuppressWarnings("unchecked")
                List<Object> rows = bind(em.createNativeQuery(sql), arguments).getResultList();
                return rows.stream().findFirst().map(value -> ((Number) value).longValue());
            }
        };
    }

    private static Query bind(Query query, Object... arguments) {
        for (int i = 0; i < arguments.length; i++) {
            query.setParameter(i + 1, arguments[i]);
        }
        return query;
    }

    public Health health() {
        try {
            long types = read(em -> em.createQuery("select count(t) from PermitTypeEntity t where t.active = true",
                    Long.class).getSingleResult());
            return Health.up("database reachable, " + types + " active permit types");
        } catch (RuntimeException e) {
            return Health.down("database unreachable: " + e.getMessage());
        }
    }
}
