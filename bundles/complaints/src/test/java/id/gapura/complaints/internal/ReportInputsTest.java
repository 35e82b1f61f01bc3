package id.gapura.complaints.internal;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every field of a submission bounded by its column and free of NUL/bidi controls: a 422 naming it, never a 500. */
class ReportInputsTest {

    private final TestDatabase db = new TestDatabase();
    private final ReportService reports = db.reports();

    @AfterEach
    void close() {
        db.close();
    }

    private static NewReport report(String description, NewReport.Location location, NewReport.Reporter reporter,
                                    Map<String, List<String>> attributes, String mediaUrl) {
        return new NewReport("SAMPAH", "pengaduan", description, location, reporter, attributes, mediaUrl, "api");
    }

    private static NewReport.Location at(String address) {
        return new NewReport.Location(address, null, null, null, null);
    }

    private static NewReport.Reporter nobody() {
        return new NewReport.Reporter(null, null, null, null, null, true, false);
    }

    private List<String> refused(NewReport report) {
        ProblemException problem = assertThrows(ProblemException.class, () -> reports.submit(report));
        assertEquals(422, problem.status());
        problem.errors().forEach(e -> assertTrue(e.message().length() < 200, e.message()));
        assertEquals(List.of(), reports.search(ReportQuery.all()));
        return problem.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void anAddressLongerThanItsColumnIsRefused() {
        assertEquals(List.of("address"), refused(report("Sampah menumpuk", at("a".repeat(501)), nobody(), Map.of(), null)));
    }

    @Test
    void reporterFieldsAreBoundedByTheirColumns() {
        NewReport.Reporter reporter = new NewReport.Reporter("n".repeat(201), "a".repeat(250) + "@x.id", "0".repeat(33),
                "d".repeat(201), "c".repeat(201), false, false);
        assertEquals(List.of("email", "name", "phone", "deviceId", "accountId"),
                refused(report("Sampah menumpuk", at("Jl. Merdeka"), reporter, Map.of(), null)));
    }

    @Test
    void nulAndBidiControlsAreRefused() {
        assertEquals(List.of("description", "address"), refused(report("Sampah\u0000", at("Jl. \u202EMerdeka"), nobody(),
                Map.of(), null)));
        assertEquals(List.of("name"), refused(report("Sampah", at("Jl. Merdeka"),
                new NewReport.Reporter("Budi\u2066", null, null, null, null, false, false), Map.of(), null)));
    }

    @Test
    void onlyHttpMediaUrlsAreStored() {
        assertEquals(List.of("mediaUrl"), refused(report("Sampah", at("Jl. Merdeka"), nobody(), Map.of(),
                "javascript:alert(1)")));
        assertEquals(List.of("mediaUrl"), refused(report("Sampah", at("Jl. Merdeka"), nobody(), Map.of(),
                "https://example.org/" + "x".repeat(1000))));
        reports.submit(report("Sampah", at("Jl. Merdeka"), nobody(), Map.of(), "https://example.org/foto.jpg"));
    }

    @Test
    void coordinatesAreBoundedAndKeptToTheColumnsScale() {
        assertEquals(List.of("latitude"), refused(report("Sampah", new NewReport.Location(null, null, null,
                new BigDecimal("1e-1000000"), new BigDecimal("107.3")), nobody(), Map.of(), null)));
        ReportEntity saved = reports.submit(report("Sampah", new NewReport.Location(null, null, null,
                new BigDecimal("-6.20876345"), new BigDecimal("106.8456789")), nobody(), Map.of(), null));
        assertEquals(new BigDecimal("-6.208763"), reports.byTrackingNumber(saved.trackingNumber()).orElseThrow().latitude());
    }

    @Test
    void unknownCodesAreNotEchoedAtLength() {
        ProblemException problem = assertThrows(ProblemException.class, () -> reports.submit(new NewReport(
                "X".repeat(10_000), null, "Sampah", at("Jl. Merdeka"), nobody(), Map.of(), null, "api")));
        assertTrue(problem.errors().get(0).message().length() < 200, problem.errors().get(0).message());
    }
}
