package id.gapura.sakip.internal;

import java.util.function.Supplier;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.Health;
import id.gapura.api.ModuleSchema;
import id.gapura.api.persistence.ModuleDatabase;
import id.gapura.api.persistence.NativeQueries;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.persistence.EntityManager;
import javax.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The module's tables: there once the platform has migrated them ({@link ModuleSchema}), before anything else of the module may use them. */
@Component(service = SakipDatabase.class, immediate = true)
public class SakipDatabase extends ModuleDatabase {

    private final Supplier<ZoneId> zone;

    @Activate
    public SakipDatabase(@Reference(target = "(gapura.module.id=sakip)") ModuleSchema schema,
                         @Reference(target = "(osgi.unit.name=sakip)") JpaTemplate jpa, @Reference RegionCalendar calendar) {
        super(jpa);
        this.zone = () -> calendar.workingDays().zone();
    }

    /** For tests that bring their own migrated database; times shown in UTC. */
    SakipDatabase(JpaTemplate jpa) {
        this(jpa, () -> ZoneOffset.UTC);
    }

    /** For tests that bring their own migrated database, with times shown in this zone. */
    SakipDatabase(JpaTemplate jpa, Supplier<ZoneId> zone) {
        super(jpa);
        this.zone = zone;
    }

    /** A stored time (UTC) as shown to people: in the region's zone, as every module shows it. */
    OffsetDateTime shown(Object stored) {
        return stored == null ? null : instant(stored).atZone(zone.get()).toOffsetDateTime();
    }

    /** Rows of a native query with positional parameters ({@code ?}); a null argument becomes SQL NULL. */
    static List<Object[]> rows(EntityManager em, String sql, Object... arguments) {
        return NativeQueries.rows(query(em, sql, arguments));
    }

    static int update(EntityManager em, String sql, Object... arguments) {
        return query(em, sql, arguments).executeUpdate();
    }

    /**
     * Hibernate binds an untyped null as binary, which PostgreSQL refuses for a number or text column: a null
     * argument is written into the statement as the literal NULL instead.
     */
    private static Query query(EntityManager em, String sql, Object... arguments) {
        StringBuilder statement = new StringBuilder(sql.length());
        List<Object> bound = new java.util.ArrayList<>();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c != '?') {
                statement.append(c);
                continue;
            }
            Object argument = arguments[next++];
            if (argument == null) {
                statement.append("NULL");
            } else {
                bound.add(argument);
                statement.append('?');
            }
        }
        if (next != arguments.length) {
            throw new IllegalArgumentException(arguments.length + " arguments for " + next + " parameters: " + sql);
        }
        return NativeQueries.bind(em.createNativeQuery(statement.toString()), bound.toArray());
    }

    /** A new id for any sakip_ row, under the sequence row's lock until the transaction ends. */
    static long nextId(EntityManager em) {
        update(em, "UPDATE sakip_sequence SET next_value = next_value + 1 WHERE name = 'id'");
        return ((Number) em.createNativeQuery("SELECT next_value - 1 FROM sakip_sequence WHERE name = 'id'")
                .getSingleResult()).longValue();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        if (column instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + column.getClass());
    }

    static java.math.BigDecimal decimal(Object column) {
        if (column == null) {
            return null;
        }
        java.math.BigDecimal value = column instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(column.toString());
        value = value.stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    static int integer(Object column) {
        return ((Number) column).intValue();
    }

    static long id(Object column) {
        return ((Number) column).longValue();
    }

    public Health health() {
        try {
            long agencies = read(em -> em.createQuery("select count(a) from AgencyEntity a", Long.class).getSingleResult());
            Number renstras = (Number) read(em -> em.createNativeQuery("SELECT COUNT(*) FROM sakip_renstra").getSingleResult());
            return Health.up("database reachable, " + agencies + " agencies, " + renstras + " Renstra");
        } catch (RuntimeException e) {
            return Health.down("database unreachable: " + e.getMessage());
        }
    }
}
