package id.gapura.complaints.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportServiceTest {

    private final TestDatabase db = new TestDatabase();
    private final ReportService reports = db.reports();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsStored() {
        ProblemException invalid = assertThrows(ProblemException.class, () -> reports.submit(new NewReport(
                "NOPE", "keluhan", "x".repeat(4001), new NewReport.Location(null, null, null, new BigDecimal("91"), null),
                new NewReport.Reporter(null, "not-an-email", null, null, null, false, false), Map.of(), null, "api")));
        assertEquals(422, invalid.status());
        assertEquals(List.of("serviceCode", "reportClass", "description", "address", "longitude", "latitude", "email"),
                invalid.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of(), reports.search(ReportQuery.all()));
    }

    @Test
    void theCategorysQuestionsAreCheckedAndTheAnswersKept() {
        ProblemException missing = assertThrows(ProblemException.class, () -> submit("JLN-RUSAK", Map.of()));
        assertEquals(List.of(new FieldError("attribute[ukuran]", "is required: Seberapa besar kerusakan jalan?")),
                missing.errors());
        ProblemException wrong = assertThrows(ProblemException.class, () -> submit("JLN-RUSAK",
                Map.of("ukuran", List.of("raksasa"), "warna", List.of("merah"))));
        assertEquals(List.of("attribute[warna]", "attribute[ukuran]"),
                wrong.errors().stream().map(FieldError::field).toList());
        assertTrue(wrong.errors().get(1).message().contains("kecil, sedang, besar"));

        ReportEntity saved = submit("JLN-RUSAK", Map.of("ukuran", List.of("besar"), "membahayakan", List.of("ya")));
        assertEquals(List.of("membahayakan=ya", "ukuran=besar"), reports.answers(saved.id()).stream()
                .map(answer -> answer.code() + "=" + answer.value()).toList());
    }

    @Test
    void theReceiptCarriesTheReporterSecretAndTheDatabaseOnlyItsHash() throws Exception {
        ReportEntity saved = submit("SAMPAH", Map.of());
        String secret = saved.reporterSecret();
        assertTrue(secret != null && secret.matches("[A-Za-z0-9_-]{43}"), "32 bytes, base64url without padding: " + secret);
        assertNotEquals(secret, submit("SAMPAH", Map.of()).reporterSecret());
        assertNull(reports.byTrackingNumber(saved.trackingNumber()).orElseThrow().reporterSecret(),
                "a report read from the database has no secret to show");

        String expectedHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (Connection connection = db.dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT * FROM complaints_report WHERE id = " + saved.id())) {
            assertTrue(row.next());
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                String value = row.getString(column);
                assertTrue(value == null || !value.contains(secret),
                        row.getMetaData().getColumnName(column) + " holds the secret in plain text");
            }
            assertEquals(expectedHash, row.getString("reporter_secret_hash"));
        }
    }

    @Test
    void theDescriptionIsOptionalAsInOpen311ButStillBounded() {
        for (String none : new String[] {null, "", "   "}) {
            ReportEntity saved = reports.submit(new NewReport("SAMPAH", null, none,
                    new NewReport.Location("Jl. Kenari 5", null, null, null, null),
                    new NewReport.Reporter(null, null, null, null, null, false, false), Map.of(), null, "api"));
            assertEquals("", saved.description());
            assertEquals("", reports.byTrackingNumber(saved.trackingNumber()).orElseThrow().description(),
                    "no description is stored as the empty text: the column stays NOT NULL");
        }
        ProblemException tooLong = assertThrows(ProblemException.class, () -> reports.submit(new NewReport("SAMPAH",
                null, "x".repeat(4001), new NewReport.Location("Jl. Kenari 5", null, null, null, null),
                new NewReport.Reporter(null, null, null, null, null, false, false), Map.of(), null, "api")));
        assertEquals(List.of(new FieldError("description", "is longer than 4000 characters")), tooLong.errors());
    }

    @Test
    void theAgencyMigrationKeepsARegionsOwnAgencyNames() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/complaints")
                .table("complaints_schema_history").target("2").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO complaints_service (code, name, group_name, description, keywords, agency, active) "
                    + "VALUES ('PASAR', 'Pasar becek', 'Ekonomi', 'Kondisi pasar', 'pasar', 'Dinas Perdagangan', TRUE)");
            Flyway.configure().dataSource(dataSource).locations("classpath:db/complaints")
                    .table("complaints_schema_history").load().migrate();
            ResultSet row = sql.executeQuery("SELECT s.agency_code, a.name FROM complaints_service s "
                    + "JOIN complaints_agency a ON a.code = s.agency_code WHERE s.code = 'PASAR'");
            assertTrue(row.next());
            assertEquals("OPD-1", row.getString(1));
            assertEquals("Dinas Perdagangan", row.getString(2));
            ResultSet sample = sql.executeQuery("SELECT agency_code FROM complaints_service WHERE code = 'SAMPAH'");
            assertTrue(sample.next());
            assertEquals("DLH", sample.getString(1));
        }
    }

    private ReportEntity submit(String service, Map<String, List<String>> attributes) {
        return reports.submit(new NewReport(service, "pengaduan", "Jalan berlubang besar",
                new NewReport.Location(null, null, null, new BigDecimal("-6.3"), new BigDecimal("107.3")),
                new NewReport.Reporter(null, null, null, null, null, true, false), attributes, null, "api"));
    }
}
