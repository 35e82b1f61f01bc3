package id.gapura.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A module's database for its own tests: a fresh in-memory H2 database or a fresh database on a real PostgreSQL
 * server (one server for the whole test run), migrated with the module's real migrations as the platform runs
 * them, and its persistence unit over it.
 */
public final class ModuleDatabases {

    private ModuleDatabases() {
    }

    /** A fresh in-memory H2 database; it lives as long as the JVM. */
    public static DataSource h2(String moduleId) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + moduleId + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
        return h2;
    }

    /** A fresh database on the test run's PostgreSQL server, started on first use and stopped when the JVM exits. */
    public static DataSource postgres(String moduleId) {
        String name = moduleId + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = Postgres.SERVER.getPostgresDatabase().getConnection();
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        return Postgres.SERVER.getDatabase("postgres", name);
    }

    /** Runs the module's migrations ({@code db/<id>/}, history table {@code <id>_schema_history}). */
    public static DataSource migrated(DataSource dataSource, String moduleId) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/" + moduleId)
                .table(moduleId + "_schema_history").load().migrate();
        return dataSource;
    }

    /** The module's persistence unit over the data source. */
    public static EntityManagerFactory persistenceUnit(String unit, DataSource dataSource) {
        return Persistence.createEntityManagerFactory(unit, Map.of("javax.persistence.nonJtaDataSource", dataSource));
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
}
