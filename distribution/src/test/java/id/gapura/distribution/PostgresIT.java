package id.gapura.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
            String health = gapura.get("/api/health", "karaf", "karaf").body();
            assertTrue(health.contains("PostgreSQL"), health);

            TestProvider.cover(gapura, "complaints");
            GapuraInstance.Shell apply = gapura.console("agreement:apply");
            assertEquals(0, apply.exitStatus(), apply.output());
            assertTrue(apply.output().contains("Done: installed complaints"), apply.output());
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
                List<String> applied = new ArrayList<>();
                try (ResultSet rs = db.createStatement().executeQuery(
                        "SELECT version FROM complaints_schema_history WHERE success AND type = 'SQL' ORDER BY installed_rank")) {
                    while (rs.next()) {
                        applied.add(rs.getString(1));
                    }
                }
                assertEquals(migrationVersions(), applied, "every migration of the module ran on PostgreSQL");
                try (ResultSet rs = db.createStatement().executeQuery(
                        "SELECT MAX(version) FROM gapura_schema_history WHERE success")) {
                    assertTrue(rs.next());
                    assertEquals("3", rs.getString(1), "the platform's migrations ran, up to V3 (access tokens)");
                }
                try (ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM gapura_access_token")) {
                    assertTrue(rs.next(), "the access token table is in PostgreSQL");
                }
                try (ResultSet rs = db.createStatement().executeQuery("SELECT a.agreement_number, m.module_id "
                        + "FROM gapura_agreement a JOIN gapura_agreement_module m ON m.agreement_number = a.agreement_number")) {
                    assertTrue(rs.next(), "the imported agreement is in PostgreSQL");
                    assertEquals("complaints", rs.getString(2));
                }
                try (ResultSet rs = db.createStatement().executeQuery("SELECT action, actor, outcome FROM gapura_audit "
                        + "WHERE module_id = 'complaints' ORDER BY id")) {
                    assertTrue(rs.next());
                    assertEquals("module.install karaf SUCCEEDED", rs.getString(1) + " " + rs.getString(2) + " "
                            + rs.getString(3));
                    assertTrue(rs.next());
                    assertEquals("module.uninstall karaf SUCCEEDED", rs.getString(1) + " " + rs.getString(2) + " "
                            + rs.getString(3));
                }
            }
        }
    }

    /** The versions of the complaints module's migration files, in order: V1__x.sql -> "1". */
    private static List<String> migrationVersions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../bundles/complaints/src/main/resources/db/complaints"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }
}
