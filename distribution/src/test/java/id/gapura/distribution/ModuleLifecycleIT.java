package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's promise on the assembled distribution with its embedded database (with an agreement covering
 * the module imported first): a module is installed
 * and removed at run time from the console, serves its API at once, touches no other bundle, keeps its
 * data, and is still installed after a restart and after {@code bin/karaf clean}.
 */
class ModuleLifecycleIT {

    static final String REPORT = """
            {"serviceCode":"JLN-RUSAK","description":"Jalan berlubang di depan SDN 3 Cikokol",
             "address":"Jl. MH Thamrin No. 1, Tangerang","name":"Budi Santoso","email":"budi@example.id",
             "phone":"081234567890","attributes":{"ukuran":["besar"]}}""";

    private final ObjectMapper json = new ObjectMapper();
    private GapuraInstance gapura;

    @BeforeEach
    void boot() throws Exception {
        gapura = new GapuraInstance();
        Duration boot = gapura.start();
        System.out.printf("[figures] start -> console (SSH) accepting: %d ms, start -> /api/health 200: %d ms%n",
                gapura.consoleReady == null ? -1 : gapura.consoleReady.toMillis(), boot.toMillis());
        // module:install refuses a module that no cooperation agreement covers (AgreementIT tests that)
        TestProvider.cover(gapura, "complaints");
    }

    @AfterEach
    void shutdown() throws Exception {
        gapura.close();
    }

    @Test
    void moduleInstallsServesUninstallsAndSurvivesRestartAndClean() throws Exception {
        GapuraInstance.Shell list = gapura.console("module:list --no-format");
        assertEquals(0, list.exitStatus(), list.output());
        assertTrue(list.output().matches("(?s).*complaints\\s+Pengaduan Masyarakat\\s+Citizen complaints.*available.*"),
                list.output());

        GapuraInstance.Shell dryRun = gapura.console("module:install --dry-run complaints");
        assertEquals(0, dryRun.exitStatus(), dryRun.output());
        assertTrue(dryRun.output().contains("mvn:id.gapura/id.gapura.complaints/"), dryRun.output());
        assertEquals(404, gapura.status("/api/complaints/services"), "a dry run must change nothing");

        String bundlesBefore = otherBundles();
        String componentsBefore = otherComponents();

        long installStarted = System.nanoTime();
        GapuraInstance.Shell install = gapura.console("module:install complaints");
        long installReturned = System.nanoTime();
        assertEquals(0, install.exitStatus(), install.output());
        assertTrue(install.output().contains("other bundles restarted or refreshed: 0"), install.output());
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> gapura.status("/api/complaints/services") == 200);
        System.out.printf("[figures] module:install -> first 200: %d ms (command returned after %d ms)%n",
                (System.nanoTime() - installStarted) / 1_000_000, (installReturned - installStarted) / 1_000_000);

        JsonNode modules = json.readTree(gapura.get("/api/modules", "karaf", "karaf").body());
        assertEquals("complaints", modules.get(0).get("id").asText());
        assertEquals(200, gapura.status("/api/health"));

        HttpResponse<String> submitted = gapura.postJson("/api/complaints/reports", REPORT);
        assertEquals(201, submitted.statusCode(), submitted.body());
        String trackingNumber = json.readTree(submitted.body()).get("trackingNumber").asText();
        assertPublicViewHidesReporter(trackingNumber);

        GapuraInstance.Shell again = gapura.console("module:install complaints");
        assertNotEquals(0, again.exitStatus());
        assertEquals(List.of("Module 'complaints' is already installed (version " + modules.get(0).get("version").asText()
                + "). Nothing was changed."), again.lines());

        long uninstallStarted = System.nanoTime();
        GapuraInstance.Shell uninstall = gapura.console("module:uninstall complaints");
        assertEquals(0, uninstall.exitStatus(), uninstall.output());
        HttpResponse<String> gone = gapura.get("/api/complaints/services");
        System.out.printf("[figures] module:uninstall -> 404: %d ms%n", (System.nanoTime() - uninstallStarted) / 1_000_000);
        assertEquals(404, gone.statusCode());
        assertEquals("application/problem+json", gone.headers().firstValue("Content-Type").orElse(""));

        assertAll("installing and removing a module leaves every other bundle and component as it was",
                () -> assertEquals(bundlesBefore, otherBundles()),
                () -> assertEquals(componentsBefore, otherComponents()));

        assertEquals(0, gapura.console("module:install complaints").exitStatus());
        assertEquals(200, gapura.get("/api/complaints/reports/" + trackingNumber).statusCode(),
                "the report must survive uninstall and reinstall");

        gapura.stop();
        gapura.start();
        // /api/health can turn 200 a fraction of a second before the whiteboard's new endpoint takes requests
        await("the module and its report survive a restart").atMost(Duration.ofSeconds(30))
                .until(() -> gapura.status("/api/complaints/reports/" + trackingNumber) == 200);

        gapura.stop();
        gapura.start("clean");
        await("the desired modules are restored after bin/karaf clean").atMost(Duration.ofSeconds(60))
                .until(() -> gapura.status("/api/complaints/reports/" + trackingNumber) == 200);

        gapura.stop();
        assertReportRowInEmbeddedDatabase(trackingNumber);
    }

    @Test
    void badRequestsAreRefusedWithOneClearAnswer() throws Exception {
        GapuraInstance.Shell unknown = gapura.console("module:install nope");
        assertNotEquals(0, unknown.exitStatus());
        String catalog = String.join(", ", catalogIds());
        assertTrue(catalog.contains("complaints"), catalog);
        assertEquals(List.of("Unknown module 'nope'. The catalog has: " + catalog + ". Nothing was changed."), unknown.lines());

        GapuraInstance.Shell notInstalled = gapura.console("module:uninstall complaints");
        assertNotEquals(0, notInstalled.exitStatus());
        assertEquals(List.of("Module 'complaints' is not installed. Nothing was changed."), notInstalled.lines());

        assertEquals(0, gapura.console("module:install complaints").exitStatus());
        HttpResponse<String> malformed = gapura.postJson("/api/complaints/reports", "{\"serviceCode\":");
        assertProblem(malformed, 400);
        HttpResponse<String> unknownField = gapura.postJson("/api/complaints/reports", "{\"serviceCod\":\"X\"}");
        assertProblem(unknownField, 400);
        assertTrue(unknownField.body().contains("serviceCod"), unknownField.body());
        HttpResponse<String> invalid = gapura.postJson("/api/complaints/reports",
                "{\"serviceCode\":\"NOPE\",\"description\":\"\",\"latitude\":91}");
        assertProblem(invalid, 422);
        JsonNode errors = json.readTree(invalid.body()).get("errors");
        assertEquals(List.of("serviceCode", "address", "longitude", "latitude"),
                errors.findValuesAsText("field"), invalid.body());
        HttpResponse<String> tooLarge = gapura.postJson("/api/complaints/reports",
                "{\"description\":\"" + "x".repeat(1_100_000) + "\"}");
        assertProblem(tooLarge, 413);
        assertProblem(gapura.get("/api/complaints/reports/ADU-2026-00000000"), 404);
        assertProblem(gapura.get("/api/no-such-thing"), 404);

        String health = gapura.get("/api/health").body();
        assertFalse(health.contains("Exception"), health);
        assertEquals(0, countReports(), "refused requests must store nothing");
    }

    private void assertPublicViewHidesReporter(String trackingNumber) throws Exception {
        HttpResponse<String> tracked = gapura.get("/api/complaints/reports/" + trackingNumber);
        assertEquals(200, tracked.statusCode(), tracked.body());
        assertEquals("submitted", json.readTree(tracked.body()).get("status").asText());
        for (String personal : List.of("Budi", "budi@example.id", "081234567890")) {
            assertFalse(tracked.body().contains(personal), "public view leaks " + personal + ": " + tracked.body());
        }
    }

    private void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        JsonNode problem = json.readTree(response.body());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.hasNonNull("title") && problem.hasNonNull("detail"), response.body());
        assertFalse(response.body().contains("at org.") || response.body().contains("Exception"), response.body());
    }

    private long countReports() throws Exception {
        GapuraInstance.Shell services = gapura.console("module:info complaints");
        assertEquals(0, services.exitStatus(), services.output());
        assertTrue(services.output().contains("complaints_report"), services.output());
        gapura.stop();
        try (Connection db = embeddedDatabase(); ResultSet rs = db.createStatement()
                .executeQuery("SELECT COUNT(*) FROM complaints_report")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void assertReportRowInEmbeddedDatabase(String trackingNumber) throws Exception {
        try (Connection db = embeddedDatabase();
             PreparedStatement query = db.prepareStatement(
                     "SELECT reporter_name, status FROM complaints_report WHERE tracking_number = ?")) {
            query.setString(1, trackingNumber);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "no row for " + trackingNumber);
                assertEquals("Budi Santoso", rs.getString(1));
                assertEquals("SUBMITTED", rs.getString(2));
            }
        }
    }

    private Connection embeddedDatabase() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + gapura.home.resolve("db/gapura"), "sa", "");
    }

    /** Id, state and name of every bundle but the module's own. */
    private String otherBundles() throws Exception {
        GapuraInstance.Shell bundles = gapura.console("bundle:list -t 0 --no-format");
        assertEquals(0, bundles.exitStatus(), bundles.output());
        return String.join("\n", bundles.lines().stream().filter(line -> !line.contains("complaints")).toList());
    }

    /** SCR gives a component a new id whenever its bundle is restarted or refreshed. */
    private String otherComponents() throws Exception {
        GapuraInstance.Shell components = gapura.console("scr:list");
        assertEquals(0, components.exitStatus(), components.output());
        return String.join("\n", components.lines().stream().filter(line -> !line.contains("complaints")).toList());
    }

    /** The module ids of the catalog, from module:list (its first column; the header and notes start otherwise). */
    private List<String> catalogIds() throws Exception {
        GapuraInstance.Shell list = gapura.console("module:list --no-format");
        assertEquals(0, list.exitStatus(), list.output());
        return list.lines().stream().map(line -> line.strip().split("\\s+")[0])
                .filter(id -> id.matches("[a-z][a-z0-9-]*")).sorted().toList();
    }
}
