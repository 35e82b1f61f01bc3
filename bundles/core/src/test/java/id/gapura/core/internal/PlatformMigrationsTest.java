package id.gapura.core.internal;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform's migrations run on H2 as the platform runs them (PostgreSQL: see the distribution's PostgresIT). */
class PlatformMigrationsTest {

    @Test
    void migrationsCreateThePlatformTables() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:platform;DB_CLOSE_DELAY=-1");
        Flyway flyway = Flyway.configure().dataSource(h2).locations("classpath:db/gapura")
                .table("gapura_schema_history").baselineOnMigrate(true).baselineVersion("0").load();
        assertEquals(2, flyway.migrate().migrationsExecuted);

        try (Connection connection = h2.getConnection()) {
            connection.createStatement().execute("INSERT INTO gapura_audit (recorded_at, actor, action, subject, "
                    + "outcome, detail) VALUES (CURRENT_TIMESTAMP, 'karaf', 'module.install', 'complaints 0.1.0', "
                    + "'SUCCEEDED', 'serving')");
            connection.createStatement().execute("INSERT INTO gapura_agreement VALUES ('180/PKS.12-Diskominfo/2026', "
                    + "'3671', 'Kota Tangerang', '3215', 'Kabupaten Karawang', '2026-01-15', '2026-02-01', '2028-01-31', "
                    + "'3671-k', '" + "x".repeat(200_000) + "', 'sha', CURRENT_TIMESTAMP, 'karaf')");
            connection.createStatement().execute("INSERT INTO gapura_agreement_module VALUES "
                    + "('180/PKS.12-Diskominfo/2026', 'complaints', '[0.1,1)')");
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT id FROM gapura_audit")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1));
            }
        }
    }
}
