package id.gapura.budgeting.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * The module's real migrations (with the sample reference data) and entities on a real database — in-memory H2
 * or a given one such as PostgreSQL — with the same transaction shape as Aries JPA's resource-local template.
 */
public final class TestDatabase implements AutoCloseable {

    public final DataSource dataSource;
    public final EntityManagerFactory factory;
    public final BudgetingDatabase database;
    public final ReferenceData reference;
    public final Budget budget;
    public final Realisation realisation;
    public final CashPlan cashPlan;

    public TestDatabase() {
        this(h2());
    }

    public TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/budgeting")
                .table("budgeting_schema_history").load().migrate();
        factory = Persistence.createEntityManagerFactory("budgeting",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        database = new BudgetingDatabase(new Template(factory));
        reference = new ReferenceData(database);
        budget = new Budget(database, reference, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
        realisation = new Realisation(database, reference, Clock.fixed(Instant.parse("2027-03-20T03:00:00Z"), ZoneOffset.UTC));
        cashPlan = new CashPlan(database, Clock.fixed(Instant.parse("2027-01-05T03:00:00Z"), ZoneOffset.UTC));
    }

    /**
     * A fresh database on a real PostgreSQL server, one server for the whole test run (started on first use,
     * stopped when the JVM exits).
     */
    public static TestDatabase postgres() throws Exception {
        String name = "budgeting_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = Postgres.SERVER.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(Postgres.SERVER.getDatabase("postgres", name));
    }

    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM is exiting
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:budgeting-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
        return h2;
    }

    @Override
    public void close() {
        factory.close();
    }

    private record Template(EntityManagerFactory factory) implements JpaTemplate {
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
