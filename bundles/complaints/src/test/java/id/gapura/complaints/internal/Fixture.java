package id.gapura.complaints.internal;

import id.gapura.api.time.HolidayCalendar;
import id.gapura.api.time.RegionCalendar;
import id.gapura.api.time.WorkingDays;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The module's database for a test: {@link TestDatabase} on H2, or the same migrations and entities on a
 * real PostgreSQL server (one embedded server for the whole test run, a fresh database per fixture), so
 * that queries are checked on both databases the product supports.
 */
record Fixture(DataSource dataSource, ComplaintsDatabase database, TestDatabase.MovableClock clock,
               RegionCalendar calendar, ComplaintsSettings settings, AutoCloseable closer) implements AutoCloseable {

    static Fixture h2() {
        TestDatabase db = new TestDatabase();
        return new Fixture(db.dataSource, db.database, db.clock, db.calendar, db.settings, db::close);
    }

    static Fixture postgres() {
        String name = "complaints_" + DATABASES.incrementAndGet();
        try (Connection connection = Postgres.SERVER.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        DataSource dataSource = Postgres.SERVER.getDatabase("postgres", name);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/complaints")
                .table("complaints_schema_history").load().migrate();
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("complaints",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        WorkingDays days = new WorkingDays(new HolidayCalendar(List.of()), ZoneId.of("Asia/Jakarta"));
        return new Fixture(dataSource, new ComplaintsDatabase(new TestDatabase.Template(factory)),
                new TestDatabase.MovableClock(Instant.parse("2026-11-23T02:00:00Z")), () -> days,
                new ComplaintsSettings(), factory::close);
    }

    ReportService reports() {
        return new ReportService(database, calendar, settings, clock);
    }

    HandlingService handling() {
        return new HandlingService(database, calendar, settings, clock);
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** Started on first use, stopped when the test JVM exits. */
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
}
