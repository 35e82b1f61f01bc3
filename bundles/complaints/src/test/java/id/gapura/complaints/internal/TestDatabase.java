package id.gapura.complaints.internal;

import id.gapura.api.time.HolidayCalendar;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The module's real migrations and entities on an in-memory H2 database, with the same transaction shape as
 * Aries JPA's resource-local template, and a clock the test moves.
 */
public final class TestDatabase implements AutoCloseable {

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final EntityManagerFactory factory;
    public final ComplaintsDatabase database;
    public final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T02:00:00Z")); // Monday 09:00 WIB
    public final RegionCalendar calendar;
    public final ComplaintsSettings settings = new ComplaintsSettings();

    public TestDatabase(LocalDate... holidays) {
        dataSource.setURL("jdbc:h2:mem:complaints-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/complaints")
                .table("complaints_schema_history").load().migrate();
        factory = Persistence.createEntityManagerFactory("complaints",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        database = new ComplaintsDatabase(new Template(factory));
        WorkingDays days = new WorkingDays(new HolidayCalendar(List.of(holidays)), ZoneId.of("Asia/Jakarta"));
        calendar = () -> days;
    }

    public ReportService reports() {
        return new ReportService(database, calendar, settings, clock);
    }

    public HandlingService handling() {
        return new HandlingService(database, calendar, settings, clock);
    }

    @Override
    public void close() {
        factory.close();
    }

    public static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Aries JPA's resource-local template: one transaction per call, rolled back on failure. */
    record Template(EntityManagerFactory factory) implements JpaTemplate {
        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            EntityManager em = factory.createEntityManager();
            EntityTransaction transaction = em.getTransaction();
            try {
                transaction.begin();
                R result = code.apply(em);
                transaction.commit();
                return result;
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
                em.close();
            }
        }

        @Override
        public void tx(TransactionType type, EmConsumer code) {
            txExpr(type, em -> {
                code.accept(em);
                return null;
            });
        }

        @Override
        public <R> R txExpr(EmFunction<R> code) {
            return txExpr(TransactionType.Required, code);
        }

        @Override
        public void tx(EmConsumer code) {
            tx(TransactionType.Required, code);
        }
    }
}
