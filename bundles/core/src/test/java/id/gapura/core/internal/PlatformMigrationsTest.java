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
        int executed = flyway.migrate().migrationsExecuted;
        assertTrue(executed >= 3, "V1 to V3 at least: " + executed);

        try (Connection connection = h2.getConnection()) {
            connection.createStatement().execute("INSERT INTO gapura_audit (recorded_at, actor, action, subject, "
                    + "outcome, detail) VALUES (CURRENT_TIMESTAMP, 'karaf', 'module.install', 'complaints 0.1.0', "
                    + "'SUCCEEDED', 'serving')");
            connection.createStatement().execute("INSERT INTO gapura_agreement VALUES ('180/PKS.12-Diskominfo/2026', "
                    + "'3671', 'Kota Tangerang', '3215', 'Kabupaten Karawang', '2026-01-15', '2026-02-01', '2028-01-31', "
                    + "'3671-k', '" + "x".repeat(200_000) + "', 'sha', CURRENT_TIMESTAMP, 'karaf')");
            connection.createStatement().execute("INSERT INTO gapura_agreement_module VALUES "
                    + "('180/PKS.12-Diskominfo/2026', 'complaints', '[0.1,1)')");
            connection.createStatement().execute("INSERT INTO gapura_access_token (token_id, token_sha256, user_name, "
                    + "label, created_at, created_by, expires_at) VALUES ('0123456789abcdef', '" + "a".repeat(64)
                    + "', 'budi', 'script', CURRENT_TIMESTAMP, 'budi', CURRENT_TIMESTAMP)");
            java.sql.SQLException duplicate = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> connection.createStatement().execute("INSERT INTO gapura_access_token (token_id, "
                            + "token_sha256, user_name, label, created_at, created_by, expires_at) VALUES "
                            + "('fedcba9876543210', '" + "a".repeat(64) + "', 'siti', 'x', CURRENT_TIMESTAMP, 'siti', "
                            + "CURRENT_TIMESTAMP)"));
            assertTrue(duplicate.getMessage().toLowerCase().contains("unique")
                    || duplicate.getMessage().contains("23505"), duplicate.getMessage());
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT id FROM gapura_audit")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1));
            }
        }
    }
}
