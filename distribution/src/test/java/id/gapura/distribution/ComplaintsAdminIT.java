package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The complaints module's administration on the assembled distribution: agencies, categories and liaison
 * officers from the console, then statistics and the overdue list from the console and over HTTP, including
 * the CSV downloads with their OSGi-bundled CSV library.
 * <p>
 * Officers' endpoints are called with the quick-start administrator's credentials (karaf/karaf, role admin).
 * Where an endpoint needs to know the user (the overdue list depends on who asks), it answers 401 as long as
 * the platform does not authenticate requests, and the full answer once it does; both are checked.
 */
class ComplaintsAdminIT {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private final ObjectMapper json = new ObjectMapper();
    private GapuraInstance gapura;

    @BeforeEach
    void boot() throws Exception {
        gapura = new GapuraInstance();
        // a liaison officer must be a user of the realm
        gapura.addUser("rina", "rahasia-rina-123", "complaints-liaison");
        gapura.start();
        TestProvider.cover(gapura, "complaints");
        GapuraInstance.Shell install = gapura.console("module:install complaints");
        assertEquals(0, install.exitStatus(), install.output());
    }

    @AfterEach
    void shutdown() throws Exception {
        gapura.close();
    }

    @Test
    void anAdministratorKeepsTheCatalogAndReadsTheFigures() throws Exception {
        assertCsvLibraryResolves();

        ok("complaints:agency-set SATPOL-PP Satuan Polisi Pamong Praja",
                "Created agency SATPOL-PP 'Satuan Polisi Pamong Praja' (active).");
        ok("complaints:service-set --name \"Parkir liar\" --group Ketertiban --agency SATPOL-PP --track investigation"
                        + " --keywords parkir,liar --description \"Kendaraan parkir di bahu jalan\" PARKIR",
                "Created category PARKIR 'Parkir liar' in Ketertiban: agency SATPOL-PP, track investigation, active.");
        ok("complaints:liaison-assign rina SATPOL-PP",
                "Assigned rina to agency SATPOL-PP. The user also needs the role complaints-liaison to answer reports.");

        GapuraInstance.Shell services = gapura.console("complaints:service-list --no-format");
        assertEquals(0, services.exitStatus(), services.output());
        assertTrue(services.lines().stream().anyMatch(line -> line.matches(
                "PARKIR\\s+Parkir liar\\s+Ketertiban\\s+SATPOL-PP\\s+investigation\\s+yes\\s+parkir, liar")), services.output());
        GapuraInstance.Shell liaisons = gapura.console("complaints:liaison-list --no-format");
        assertTrue(liaisons.output().matches("(?s).*rina\\s+SATPOL-PP\\s+Satuan Polisi Pamong Praja\\s+yes.*"), liaisons.output());

        refused("complaints:agency-set dishub Dinas Perhubungan", "code 'dishub' is not a code: use 2 to 32 uppercase "
                + "letters, digits and dashes, e.g. DISHUB or JLN-RUSAK. Nothing was changed.");
        refused("complaints:agency-set --inactive DPUPR Dinas Pekerjaan Umum dan Penataan Ruang",
                "Agency DPUPR cannot be deactivated: 2 active categories use it (BANJIR, JLN-RUSAK). First move those "
                        + "categories to another agency or deactivate them (complaints:service-set <code> --agency "
                        + "<other> or --inactive). Nothing was changed.");
        refused("complaints:agency-set DPUPR Dinas PUPR --inactive", "Options go before the code, e.g. "
                + "complaints:agency-set --inactive DPUPR <name>. Nothing was changed.");
        refused("complaints:service-set --agency NOPE SAMPAH",
                "agency 'NOPE' is not an agency code; complaints:agency-list shows them. Nothing was changed.");

        JsonNode agencies = json.readTree(gapura.get("/api/complaints/agencies").body());
        assertTrue(agencies.findValuesAsText("code").contains("SATPOL-PP"), agencies.toString());
        JsonNode parkir = find(json.readTree(gapura.get("/api/complaints/services").body()), "PARKIR");
        assertEquals("[\"parkir\",\"liar\"]", parkir.get("keywords").toString());
        assertEquals("Satuan Polisi Pamong Praja", parkir.get("agency").asText());

        String overdue = submit("PARKIR", "{}");
        String recent = submit("SAMPAH", "{}");
        submit("JLN-RUSAK", "{\"ukuran\":[\"besar\"]}");
        LocalDate today = LocalDate.now(WIB);
        gapura.stop();
        backdate(overdue, today.minusDays(40), today.minusDays(30));
        gapura.start();

        GapuraInstance.Shell list = gapura.console("complaints:overdue --no-format");
        assertEquals(0, list.exitStatus(), list.output());
        assertTrue(list.lines().get(0).matches(overdue + "\\s+PARKIR\\s+submitted\\s+" + today.minusDays(30)
                + " 23:59 WIB\\s+verification\\s+30"), list.output());
        assertEquals("1 overdue report.", list.lines().get(list.lines().size() - 1));
        assertFalse(list.output().contains(recent), "not overdue yet: " + list.output());
        assertEquals(List.of("No overdue reports for agency SATPOL-PP."),
                gapura.console("complaints:overdue --agency SATPOL-PP").lines(), "not dispositioned to it yet");
        refused("complaints:overdue --agency NOPE", "Unknown agency 'NOPE'; complaints:agency-list shows the codes.");

        String period = "from=" + today.minusDays(60) + "&to=" + today;
        GapuraInstance.Shell figures = gapura.console("complaints:stats --no-format --from " + today.minusDays(60)
                + " --to " + today);
        assertEquals(0, figures.exitStatus(), figures.output());
        assertTrue(figures.output().contains("Reports submitted " + today.minusDays(60) + " to " + today
                + " (Asia/Jakarta): 3"), figures.output());
        assertTrue(figures.output().contains("Overdue now (all reports): 1"), figures.output());
        assertTrue(figures.lines().stream().anyMatch(line -> line.matches("PARKIR\\s+Parkir liar\\s+1\\s+0\\s+0")),
                figures.output());

        HttpResponse<byte[]> stats = officer("GET", "/api/complaints/stats?" + period);
        assertEquals(200, stats.statusCode(), text(stats));
        JsonNode body = json.readTree(stats.body());
        assertAll(() -> assertEquals(3, body.get("total").asInt()),
                () -> assertEquals(1, body.get("overdueNow").asInt()),
                () -> assertEquals(1, find(body.get("byCategory"), "PARKIR").get("reports").asInt()),
                () -> assertEquals(3, body.get("byAgency").get(0).get("reports").asInt(), "none dispositioned"),
                () -> assertEquals(3, find(body.get("byClass"), "pengaduan").get("reports").asInt()),
                () -> assertEquals(3, find(body.get("byStatus"), "submitted").get("reports").asInt()));

        HttpResponse<byte[]> csv = officer("GET", "/api/complaints/stats/category.csv?" + period);
        assertEquals(200, csv.statusCode(), text(csv));
        assertEquals("text/csv;charset=utf-8", csv.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals("attachment; filename=\"complaints-category-" + today.minusDays(60) + "_" + today + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("\uFEFFcategory,name,reports,due_or_answered,answered_on_time,on_time_percent", text(csv).lines().findFirst().orElse(""));
        assertTrue(text(csv).contains("\r\nPARKIR,Parkir liar,1,0,0,\r\n"), text(csv));
        HttpResponse<byte[]> excel = officer("GET", "/api/complaints/stats/month.csv?" + period + "&locale=id&bom=false");
        assertEquals(200, excel.statusCode(), text(excel));
        assertTrue(text(excel).startsWith("month;name;reports;"), text(excel));
        assertEquals(404, officer("GET", "/api/complaints/stats/nope.csv").statusCode());
        assertEquals(422, officer("GET", "/api/complaints/stats?from=2026-13-01").statusCode());

        assertOverdueOverHttp(overdue);
        assertCatalogChangesOverHttp();

        ok("complaints:service-set --inactive PARKIR",
                "Updated category PARKIR 'Parkir liar' in Ketertiban: agency SATPOL-PP, track investigation, inactive.");
        ok("complaints:agency-set --inactive SATPOL-PP Satuan Polisi Pamong Praja",
                "Updated agency SATPOL-PP 'Satuan Polisi Pamong Praja' (inactive).");
        ok("complaints:liaison-remove rina", "Removed rina as liaison officer.");
        assertTrue(json.readTree(gapura.get("/api/complaints/services").body()).findValuesAsText("code").stream()
                .noneMatch("PARKIR"::equals), "an inactive category is no longer offered to citizens");
    }

    /** The overdue list depends on who asks: 401 without an authenticated user, the list with one. */
    private void assertOverdueOverHttp(String overdue) throws Exception {
        HttpResponse<byte[]> list = officer("GET", "/api/complaints/overdue");
        HttpResponse<byte[]> csv = officer("GET", "/api/complaints/overdue.csv");
        if (list.statusCode() == 401) {
            assertProblem(list, 401);
            assertProblem(csv, 401);
            return;
        }
        assertEquals(200, list.statusCode(), text(list));
        JsonNode first = json.readTree(list.body()).get(0);
        assertEquals(overdue, first.get("trackingNumber").asText());
        assertEquals("verification", first.get("stage").asText());
        assertEquals(30, first.get("daysOverdue").asInt());
        assertEquals(200, csv.statusCode(), text(csv));
        assertTrue(text(csv).contains("\r\n" + overdue + ",PARKIR,Parkir liar,,,submitted,verification,"), text(csv));
    }

    /** Changes need to know who makes them: 401 without an authenticated user, applied with one. */
    private void assertCatalogChangesOverHttp() throws Exception {
        HttpResponse<byte[]> created = officer("PUT", "/api/complaints/agencies/BAPENDA", "{\"name\":\"Badan Pendapatan Daerah\"}");
        HttpResponse<byte[]> invalid = officer("PUT", "/api/complaints/services/SAMPAH", "{\"name\":\"Sampah\"}");
        if (created.statusCode() == 401) {
            assertProblem(created, 401);
            assertProblem(invalid, 401);
            assertEquals(404, gapura.status("/api/complaints/agencies/BAPENDA"), "nothing was created");
            return;
        }
        assertEquals(201, created.statusCode(), text(created));
        assertEquals(200, gapura.status("/api/complaints/agencies/BAPENDA"));
        assertProblem(invalid, 422);
        assertEquals(List.of("group", "track", "agency"), json.readTree(invalid.body()).get("errors").findValuesAsText("field"));
    }

    private void assertCsvLibraryResolves() throws Exception {
        GapuraInstance.Shell bundles = gapura.console("bundle:list -t 0 -s --no-format");
        for (String bundle : List.of("org.apache.commons.commons-csv", "org.apache.commons.commons-io",
                "org.apache.commons.commons-codec", "id.gapura.complaints")) {
            assertTrue(bundles.lines().stream().anyMatch(line -> line.contains("Active") && line.endsWith(bundle)),
                    bundle + " is not active: " + bundles.output());
        }
        GapuraInstance.Shell diag = gapura.console("bundle:diag");
        assertEquals(0, diag.exitStatus(), diag.output());
        assertFalse(diag.output().contains("commons") || diag.output().contains("complaints"),
                "bundle:diag reports a problem: " + diag.output());
    }

    private String submit(String service, String attributes) throws Exception {
        HttpResponse<String> submitted = gapura.postJson("/api/complaints/reports", "{\"serviceCode\":\"" + service
                + "\",\"description\":\"Mohon ditindaklanjuti\",\"address\":\"Jl. Kenari 5\",\"attributes\":" + attributes + "}");
        assertEquals(201, submitted.statusCode(), submitted.body());
        return json.readTree(submitted.body()).get("trackingNumber").asText();
    }

    /** As if the report came in on {@code submitted} and its verification was due at the end of {@code due} (WIB). */
    private void backdate(String trackingNumber, LocalDate submitted, LocalDate due) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + gapura.home.resolve("db/gapura"), "sa", "");
             PreparedStatement update = db.prepareStatement("UPDATE complaints_report SET submitted_at = ?, "
                     + "updated_at = ?, verification_due = ? WHERE tracking_number = ?")) {
            LocalDateTime at = utc(submitted.atTime(10, 0));
            update.setObject(1, at);
            update.setObject(2, at);
            update.setObject(3, utc(due.atTime(23, 59, 59, 999_999_000)));
            update.setString(4, trackingNumber);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static LocalDateTime utc(LocalDateTime wib) {
        return wib.atZone(WIB).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private HttpResponse<byte[]> officer(String method, String path) throws Exception {
        return officer(method, path, null);
    }

    private HttpResponse<byte[]> officer(String method, String path, String body) throws Exception {
        return gapura.basicAuthRequest(method, path, body, "karaf", "karaf");
    }

    private void ok(String command, String expected) throws Exception {
        GapuraInstance.Shell shell = gapura.console(command);
        assertEquals(0, shell.exitStatus(), shell.output());
        assertEquals(List.of(expected), shell.lines());
    }

    private void refused(String command, String expected) throws Exception {
        GapuraInstance.Shell shell = gapura.console(command);
        assertNotEquals(0, shell.exitStatus(), shell.output());
        assertEquals(List.of(expected), shell.lines());
    }

    private void assertProblem(HttpResponse<byte[]> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), text(response));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(status, json.readTree(response.body()).get("status").asInt());
    }

    private static JsonNode find(JsonNode list, String code) {
        List<String> codes = new ArrayList<>();
        for (JsonNode item : list) {
            if (code.equals(item.get("code").asText())) {
                return item;
            }
            codes.add(item.get("code").asText());
        }
        throw new AssertionError(code + " is not in " + codes);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
