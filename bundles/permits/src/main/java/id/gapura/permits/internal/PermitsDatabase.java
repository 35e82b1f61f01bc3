package id.gapura.permits.internal;

import id.gapura.api.Health;
import id.gapura.api.ModuleSchema;
import id.gapura.api.persistence.ModuleDatabase;
import id.gapura.api.persistence.NativeQueries;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.persistence.EntityManager;
import java.util.Optional;

/** The module's tables: there once the platform has migrated them ({@link ModuleSchema}), before anything else of the module may use them. */
@Component(service = PermitsDatabase.class, immediate = true)
public class PermitsDatabase extends ModuleDatabase {

    @Activate
    public PermitsDatabase(@Reference(target = "(gapura.module.id=permits)") ModuleSchema schema,
                           @Reference(target = "(osgi.unit.name=permits)") JpaTemplate jpa) {
        super(jpa);
    }

    /** For tests that bring their own migrated database. */
    PermitsDatabase(JpaTemplate jpa) {
        super(jpa);
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
                return NativeQueries.update(em, sql, arguments);
            }

            @Override
            public Optional<Long> queryLong(String sql, Object... arguments) {
                return NativeQueries.rows(em, sql, arguments).stream().findFirst()
                        .map(row -> ((Number) row[0]).longValue());
            }
        };
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
