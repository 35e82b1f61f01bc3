package id.gapura.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL is a configuration change in etc/, nothing else: the same distribution against a real
 * PostgreSQL server that this test starts, with rows checked in PostgreSQL itself.
 */
class PostgresIT {

    @Test
    void platformAndModuleRunOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             GapuraInstance gapura = new GapuraInstance()) {
            gapura.useDatabase("PostgreSQL JDBC Driver",
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "");
            gapura.start();
            String health = gapura.get("/api/health").body();
            assertTrue(health.contains("PostgreSQL"), health);

            assertEquals(0, gapura.console("module:install complaints").exitStatus());
            HttpResponse<String> submitted = gapura.postJson("/api/complaints/reports", ModuleLifecycleIT.REPORT);
            assertEquals(201, submitted.statusCode(), submitted.body());
            String trackingNumber = new ObjectMapper().readTree(submitted.body()).get("trackingNumber").asText();
            assertEquals(0, gapura.console("module:uninstall complaints").exitStatus());

            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                try (PreparedStatement query = db.prepareStatement(
                        "SELECT reporter_name FROM complaints_report WHERE tracking_number = ?")) {
                    query.setString(1, trackingNumber);
                    try (ResultSet rs = query.executeQuery()) {
                        assertTrue(rs.next(), "the report must be in PostgreSQL after uninstall");
                        assertEquals("Budi Santoso", rs.getString(1));
                    }
                }
                try (ResultSet rs = db.createStatement().executeQuery(
                        "SELECT installed FROM gapura_module_state WHERE module_id = 'complaints'")) {
                    assertTrue(rs.next());
                    assertEquals(false, rs.getBoolean(1), "the desired state records the uninstall");
                }
                try (ResultSet rs = db.createStatement().executeQuery(
                        "SELECT MAX(version) FROM complaints_schema_history WHERE success")) {
                    assertTrue(rs.next());
                    assertEquals("3", rs.getString(1));
                }
            }
        }
    }
}
