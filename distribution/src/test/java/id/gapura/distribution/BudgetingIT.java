package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e-budgeting module on the assembled distribution, as a region's budget team (TAPD) and an agency use it:
 * install it at run time, import reference data from the console, open a fiscal year, set ceilings, draft lines
 * (one refused over its ceiling), verify (one line returned with a note and fixed), validate by the agency heads,
 * lock the DPA (edits refused), record realisation against it (over a line's budget refused, a mistake reversed, a
 * CSV imported from the console), read the absorption, the RKA and recapitulations, export the Fiscal Data Package
 * with its realisation, then uninstall and reinstall the module and find everything as it was.
 */
class BudgetingIT {

    private static final String PASSWORD = "rahasia-uji";
    private static final String TAPD = "tapd";
    private static final String DIKNAS_OPERATOR = "operator-diknas";
    private static final String DINKES_OPERATOR = "operator-dinkes";
    private static final String VIEWER = "dprd";
    private static final String DIKNAS_HEAD = "kadisdik";
    private static final String DINKES_HEAD = "kadinkes";
    private static final String DIKNAS = "1.01.0.00.0.00.01.0000";
    private static final String DINKES = "1.02.0.00.0.00.01.0000";
    private static final String USB = "1.01.02.2.01.0001";
    private static final String KURIKULUM = "1.01.03.2.01.0001";
    private static final String GIZI = "1.02.02.2.02.0020";

    private final ObjectMapper json = new ObjectMapper();
    private GapuraInstance gapura;

    @BeforeEach
    void boot() throws Exception {
        gapura = new GapuraInstance();
        gapura.addUser(TAPD, PASSWORD, "budget-tapd");
        gapura.addUser(DIKNAS_OPERATOR, PASSWORD, "budget-agency");
        gapura.addUser(DINKES_OPERATOR, PASSWORD, "budget-agency");
        gapura.addUser(VIEWER, PASSWORD, "budget-viewer");
        gapura.addUser(DIKNAS_HEAD, PASSWORD, "budget-agency-head");
        gapura.addUser(DINKES_HEAD, PASSWORD, "budget-agency-head");
        gapura.start();
        await("the console answers").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> gapura.console("shell:echo ready").exitStatus() == 0);
    }

    @AfterEach
    void shutdown() throws Exception {
        gapura.close();
    }

    @Test
    void fromCeilingsToALockedDpaAndItsOpenDataSurvivesUninstallAndReinstall() throws Exception {
        TestProvider.cover(gapura, "budgeting");
        GapuraInstance.Shell install = gapura.console("module:install budgeting");
        assertEquals(0, install.exitStatus(), install.output());
        await().atMost(Duration.ofSeconds(30)).until(() -> gapura.status("/api/budgeting/agencies") == 200);
        assertEquals(3, json.readTree(gapura.get("/api/budgeting/agencies").body()).size());
        System.out.printf("[figures] %s%n", install.lines().get(0));
        GapuraInstance.Shell figures = gapura.console("service:list id.gapura.budgeting.api.BudgetFigures");
        assertTrue(figures.output().contains("id.gapura.budgeting"), "other modules find the budget figures: " + figures.output());

        // reference data from CSV: a bad file changes nothing and names its lines, a good one is imported whole
        Path bad = Files.createTempFile("programmes-bad", ".csv");
        Files.writeString(bad, "code,name\n1.01.03,Program Pengembangan Kurikulum\n1.01.03.2.01.0001,Tanpa kegiatan\n1.01.3,Salah\n",
                StandardCharsets.UTF_8);
        GapuraInstance.Shell refused = gapura.console("budgeting:import programmes " + bad);
        assertNotEquals(0, refused.exitStatus(), refused.output());
        assertTrue(refused.output().contains("Nothing was imported: 2 problem(s): line 3: code 1.01.03.2.01.0001: its parent"
                + " 1.01.03.2.01 is neither in the file nor in the reference data; line 4: code 1.01.3 is not a programme code"),
                refused.output());
        Path good = Files.createTempFile("programmes", ".csv");
        Files.writeString(good, "code,name\n1.01.03,Program Pengembangan Kurikulum\n"
                + "1.01.03.2.01,Penetapan Kurikulum Muatan Lokal Pendidikan Dasar\n"
                + "1.01.03.2.01.0001,Penyusunan Kurikulum Muatan Lokal Pendidikan Dasar\n", StandardCharsets.UTF_8);
        GapuraInstance.Shell imported = gapura.console("budgeting:import programmes " + good);
        assertEquals(0, imported.exitStatus(), imported.output());
        assertTrue(imported.output().contains("3 added"), imported.output());
        assertEquals(0, gapura.console("budgeting:user-assign " + DIKNAS_OPERATOR + " " + DIKNAS).exitStatus());
        assertEquals(0, gapura.console("budgeting:user-assign " + DINKES_OPERATOR + " " + DINKES).exitStatus());
        assertEquals(0, gapura.console("budgeting:user-assign " + DIKNAS_HEAD + " " + DIKNAS).exitStatus());
        assertEquals(0, gapura.console("budgeting:user-assign " + DINKES_HEAD + " " + DINKES).exitStatus());

        // no anonymous budget work; TAPD opens the year and sets ceilings, a viewer may not
        assertEquals(401, gapura.send("GET", "/api/budgeting/years", null, null, null).statusCode());
        HttpResponse<String> opened = as(TAPD, "POST", "/api/budgeting/years", "{\"year\":2027}");
        assertEquals(201, opened.statusCode(), opened.body());
        assertEquals("ceilings", json.readTree(opened.body()).get("stage").asText());
        assertEquals(403, as(VIEWER, "PUT", "/api/budgeting/years/2027/ceilings",
                "{\"agencyCode\":\"" + DIKNAS + "\",\"amount\":1}").statusCode());
        ok(as(TAPD, "PUT", "/api/budgeting/years/2027/ceilings", "{\"agencyCode\":\"" + DIKNAS + "\",\"amount\":1250000000}"));
        ok(as(TAPD, "PUT", "/api/budgeting/years/2027/ceilings",
                "{\"agencyCode\":\"" + DIKNAS + "\",\"subKegiatanCode\":\"" + USB + "\",\"amount\":1000000000}"));
        ok(as(TAPD, "PUT", "/api/budgeting/years/2027/ceilings",
                "{\"agencyCode\":\"" + DIKNAS + "\",\"subKegiatanCode\":\"" + KURIKULUM + "\",\"amount\":150000000}"));
        ok(as(TAPD, "PUT", "/api/budgeting/years/2027/ceilings", "{\"agencyCode\":\"" + DINKES + "\",\"amount\":100000000}"));
        ok(as(TAPD, "PUT", "/api/budgeting/years/2027/ceilings",
                "{\"agencyCode\":\"" + DINKES + "\",\"subKegiatanCode\":\"" + GIZI + "\",\"amount\":100000000}"));
        GapuraInstance.Shell drafting = gapura.console("budgeting:stage 2027 drafting");
        assertEquals(0, drafting.exitStatus(), drafting.output());

        // the agency drafts; over the ceiling is refused with ceiling, total and excess; invalid input field by field
        long computers = id(created(as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/lines",
                line(USB, "5.2.02.10.01.0002", "Personal computer untuk lab SD", "40", "unit", "15000000"))));
        HttpResponse<String> over = as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/lines",
                line(USB, "5.2.02.10.01.0002", "Tambahan PC", "30", "unit", "15000000"));
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("Refused: this would exceed the ceiling (pagu) of sub kegiatan " + USB + " of agency " + DIKNAS
                        + ". Ceiling Rp1.000.000.000, current total Rp600.000.000, excess Rp50.000.000.",
                json.readTree(over.body()).get("detail").asText());
        HttpResponse<String> invalid = as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/lines",
                line(USB, "5.1.02", "ATK", "0", "paket", "120000"));
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertEquals(List.of("accountCode", "volume"), json.readTree(invalid.body()).get("errors").findValuesAsText("field"));
        assertEquals(403, as(DINKES_OPERATOR, "POST", "/api/budgeting/years/2027/lines",
                line(USB, "5.1.02.01.01.0024", "ATK", "1", "paket", "1")).statusCode());
        long stationery = id(created(as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/lines",
                line(KURIKULUM, "5.1.02.01.01.0024", "Alat tulis kantor penyusunan kurikulum", "100", "paket", "125000"))));

        // 12 operators of Dinas Kesehatan at once, Rp10.000.000 each, under a Rp100.000.000 ceiling: 10 fit
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<HttpResponse<String>>> posts = new ArrayList<>();
        String gizi = line(GIZI, "5.1.02.01.01.0052", "Pemberian makanan tambahan balita", "1000", "paket", "10000")
                .replace(DIKNAS, DINKES);
        for (int i = 0; i < 12; i++) {
            posts.add(pool.submit(() -> as(DINKES_OPERATOR, "POST", "/api/budgeting/years/2027/lines", gizi)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> post : posts) {
            statuses.add(post.get(60, TimeUnit.SECONDS).statusCode());
        }
        pool.shutdown();
        assertEquals(10, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(2, statuses.stream().filter(status -> status == 409).count(), statuses.toString());

        // TAPD verification: one line returned with a note, fixed by the agency, then all verified
        ok(as(TAPD, "POST", "/api/budgeting/years/2027/stage", "{\"stage\":\"verification\"}"));
        JsonNode returned = ok(as(TAPD, "POST", "/api/budgeting/years/2027/lines/" + stationery + "/return",
                "{\"note\":\"Sesuaikan dengan SSH 2027: Rp120.000 per paket\"}"));
        assertEquals("returned", returned.get("status").asText());
        assertEquals(409, as(DIKNAS_OPERATOR, "PUT", "/api/budgeting/years/2027/lines/" + computers,
                line(USB, "5.2.02.10.01.0002", "Personal computer untuk lab SD", "39", "unit", "15000000")).statusCode());
        ok(as(DIKNAS_OPERATOR, "PUT", "/api/budgeting/years/2027/lines/" + stationery,
                line(KURIKULUM, "5.1.02.01.01.0024", "Alat tulis kantor penyusunan kurikulum", "100", "paket", "120000")));
        assertEquals(2, ok(as(TAPD, "POST", "/api/budgeting/years/2027/agencies/" + DIKNAS + "/verify", null)).get("verified").asInt());
        assertEquals(10, ok(as(TAPD, "POST", "/api/budgeting/years/2027/agencies/" + DINKES + "/verify", null)).get("verified").asInt());

        // validation by the agency head (budget-agency-head of that agency), then the DPA is locked from the console
        ok(as(TAPD, "POST", "/api/budgeting/years/2027/stage", "{\"stage\":\"validation\"}"));
        assertEquals(403, as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/agencies/" + DIKNAS + "/validate", null).statusCode());
        assertEquals(403, as(DINKES_HEAD, "POST", "/api/budgeting/years/2027/agencies/" + DIKNAS + "/validate", null).statusCode());
        JsonNode validated = ok(as(DIKNAS_HEAD, "POST", "/api/budgeting/years/2027/agencies/" + DIKNAS + "/validate", null));
        assertEquals(DIKNAS_HEAD, validated.get("validatedBy").asText());
        ok(as(DINKES_HEAD, "POST", "/api/budgeting/years/2027/agencies/" + DINKES + "/validate", null));
        GapuraInstance.Shell locked = gapura.console("budgeting:stage 2027 dpa");
        assertEquals(0, locked.exitStatus(), locked.output());
        assertTrue(locked.output().contains("the DPA is locked"), locked.output());
        HttpResponse<String> edit = as(DIKNAS_OPERATOR, "PUT", "/api/budgeting/years/2027/lines/" + computers,
                line(USB, "5.2.02.10.01.0002", "Personal computer untuk lab SD", "39", "unit", "15000000"));
        assertEquals(409, edit.statusCode(), edit.body());
        assertTrue(json.readTree(edit.body()).get("detail").asText().contains("locked"), edit.body());
        GapuraInstance.Shell ceilings = gapura.console("budgeting:ceilings --no-format 2027");
        assertEquals(0, ceilings.exitStatus(), ceilings.output());
        assertTrue(ceilings.output().contains("Rp1.250.000.000") && ceilings.output().contains("Rp612.000.000"), ceilings.output());

        // realisation against the DPA in force: up to a line's budget, over it refused with the figures, a mistake reversed
        JsonNode paid = created(as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/realisations",
                payment(DIKNAS, USB, "5.2.02.10.01.0002", "2027-03-15", "450000000", "SP2D-0001/LS/2027")));
        assertEquals(1, paid.get("version").asInt());
        assertEquals("2027-03-15", paid.get("date").asText());
        HttpResponse<String> overspent = as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/realisations",
                payment(DIKNAS, USB, "5.2.02.10.01.0002", "2027-04-15", "200000000", "SP2D-0002/LS/2027"));
        assertEquals(409, overspent.statusCode(), overspent.body());
        assertTrue(overspent.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("Refused: this would exceed the budget in the DPA (version 1) of account 5.2.02.10.01.0002 of sub kegiatan "
                        + USB + " of agency " + DIKNAS + ". Budget Rp600.000.000, realised so far Rp450.000.000, this payment"
                        + " Rp200.000.000, excess Rp50.000.000.", json.readTree(overspent.body()).get("detail").asText());
        assertEquals(403, as(DINKES_OPERATOR, "POST", "/api/budgeting/years/2027/realisations",
                payment(DIKNAS, USB, "5.2.02.10.01.0002", "2027-04-15", "1", "SP2D-X")).statusCode());
        assertEquals(403, as(VIEWER, "POST", "/api/budgeting/years/2027/realisations",
                payment(DIKNAS, USB, "5.2.02.10.01.0002", "2027-04-15", "1", "SP2D-X")).statusCode());
        assertEquals(403, as(DIKNAS_HEAD, "POST", "/api/budgeting/years/2027/realisations",
                payment(DIKNAS, USB, "5.2.02.10.01.0002", "2027-04-15", "1", "SP2D-X")).statusCode());
        long mistake = id(created(as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/realisations",
                payment(DIKNAS, KURIKULUM, "5.1.02.01.01.0024", "2027-04-01", "12000000", "SP2D-0003/LS/2027"))));
        JsonNode reversal = created(as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/realisations/" + mistake + "/reverse",
                "{\"reason\":\"SP2D dibatalkan\"}"));
        assertEquals(-12_000_000L, reversal.get("amount").asLong());
        assertEquals(409, as(DIKNAS_OPERATOR, "POST", "/api/budgeting/years/2027/realisations/" + mistake + "/reverse",
                "{\"reason\":\"lagi\"}").statusCode());
        Path payments = Files.createTempFile("realisasi", ".csv");
        Files.writeString(payments, "agency_code,sub_kegiatan_code,account_code,date,amount,document,description\n"
                + DINKES + "," + GIZI + ",5.1.02.01.01.0052,2027-05-02,25000000,SP2D-0004/LS/2027,PMT balita tahap 1\n",
                StandardCharsets.UTF_8);
        GapuraInstance.Shell recorded = gapura.console("budgeting:realisation-import 2027 " + payments);
        assertEquals(0, recorded.exitStatus(), recorded.output());
        assertTrue(recorded.output().contains("Recorded 1 realisation entries"), recorded.output());
        assertEquals(3, ok(as(DIKNAS_OPERATOR, "GET", "/api/budgeting/years/2027/realisations", null)).size());
        assertEquals(4, ok(as(VIEWER, "GET", "/api/budgeting/years/2027/realisations", null)).size());
        JsonNode absorption = ok(as(VIEWER, "GET", "/api/budgeting/reports/2027/absorption/programme", null));
        assertEquals(712_000_000L, absorption.get("budget").asLong());
        assertEquals(475_000_000L, absorption.get("realisation").asLong());
        assertEquals(66.71, absorption.get("absorption").asDouble());
        assertEquals(List.of(75.0, 0.0, 25.0), absorption.get("rows").findValues("absorption").stream().map(JsonNode::asDouble).toList());
        assertEquals(2, ok(as(DIKNAS_OPERATOR, "GET", "/api/budgeting/reports/2027/absorption/programme", null)).get("rows").size());
        HttpResponse<String> absorptionHtml = as(VIEWER, "GET", "/api/budgeting/reports/2027/absorption/agency?format=html", null);
        assertTrue(absorptionHtml.body().contains("66,71%"), absorptionHtml.body());
        GapuraInstance.Shell absorbed = gapura.console("budgeting:absorption --no-format 2027");
        assertEquals(0, absorbed.exitStatus(), absorbed.output());
        assertTrue(absorbed.output().contains("75.00%") && absorbed.output().contains("(66.71%)"), absorbed.output());

        // the cash plan (anggaran kas) spreads a sub kegiatan's DPA budget over the months, exactly
        String months = "[8000000,8000000,8000000,8000000,8000000,8000000,8000000,8000000,8000000,8000000,8000000,";
        HttpResponse<String> uneven = as(DINKES_OPERATOR, "PUT", "/api/budgeting/years/2027/cash-plans",
                "{\"agencyCode\":\"" + DINKES + "\",\"subKegiatanCode\":\"" + GIZI + "\",\"months\":" + months + "11000000]}");
        assertEquals(422, uneven.statusCode(), uneven.body());
        assertEquals("Refused: the months of the cash plan add up to Rp99.000.000 but the DPA (version 1) budgets Rp100.000.000"
                + " for sub kegiatan " + GIZI + " of agency " + DINKES + "; difference -Rp1.000.000.",
                json.readTree(uneven.body()).get("detail").asText());
        JsonNode plan = ok(as(DINKES_OPERATOR, "PUT", "/api/budgeting/years/2027/cash-plans",
                "{\"agencyCode\":\"" + DINKES + "\",\"subKegiatanCode\":\"" + GIZI + "\",\"months\":" + months + "12000000]}"));
        assertEquals(1, plan.get("revision").asInt());
        assertEquals(100_000_000L, plan.get("total").asLong());
        assertEquals(1, ok(as(VIEWER, "GET", "/api/budgeting/years/2027/cash-plans", null)).size());

        // history, reports and the open data export
        JsonNode history = ok(as(DIKNAS_OPERATOR, "GET", "/api/budgeting/years/2027/lines/" + stationery + "/history", null));
        assertEquals(List.of("created", "returned", "changed", "verified"), history.findValuesAsText("action"));
        JsonNode recap = ok(as(VIEWER, "GET", "/api/budgeting/reports/2027/recap/programme?version=1", null));
        assertEquals(712_000_000L, recap.get("total").asLong());
        assertEquals(403, as(DIKNAS_OPERATOR, "GET", "/api/budgeting/reports/2027/recap/agency", null).statusCode());
        HttpResponse<String> rkaCsv = as(VIEWER, "GET", "/api/budgeting/reports/2027/rka/" + DIKNAS + "?version=1&format=csv", null);
        assertEquals(200, rkaCsv.statusCode(), rkaCsv.body());
        assertTrue(rkaCsv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(3, rkaCsv.body().split("\r\n").length, rkaCsv.body());
        HttpResponse<String> rkaHtml = as(VIEWER, "GET", "/api/budgeting/reports/2027/rka/" + DIKNAS + "?format=html", null);
        assertTrue(rkaHtml.body().contains("Rp612.000.000") && rkaHtml.body().startsWith("<!DOCTYPE html>"), rkaHtml.body());
        HttpResponse<String> descriptor = gapura.get("/api/budgeting/open-data/2027/datapackage.json");
        assertEquals(200, descriptor.statusCode(), descriptor.body());
        JsonNode fdp = json.readTree(descriptor.body());
        assertEquals("fiscal-data-package", fdp.get("profile").asText());
        assertEquals("budget.csv", fdp.get("resources").get(0).get("path").asText());
        List<String> fields = new ArrayList<>(fdp.get("resources").get(0).get("schema").get("fields").findValuesAsText("name"));
        String csv = gapura.get("/api/budgeting/open-data/2027/budget.csv").body();
        assertEquals(String.join(",", fields), csv.split("\r\n")[0]);
        assertEquals(13, csv.split("\r\n").length, csv);
        assertEquals(200, gapura.status("/api/budgeting/open-data/2027/fiscal-data-package.zip"));
        assertEquals(List.of("budget.csv", "realisation.csv"), List.of(fdp.get("resources").get(0).get("path").asText(),
                fdp.get("resources").get(1).get("path").asText()));
        String realisationCsv = gapura.get("/api/budgeting/open-data/2027/realisation.csv").body();
        List<String> realisationRows = List.of(realisationCsv.split("\r\n"));
        assertEquals(5, realisationRows.size(), realisationCsv);
        assertTrue(realisationRows.get(0).startsWith("entry_id,reverses_entry_id,fiscal_year,phase,phase_label,"), realisationCsv);
        assertTrue(realisationRows.stream().skip(1).allMatch(row -> row.contains(",2027,executed,realisasi,")), realisationCsv);
        // the reversal stays a negative number (never neutralised as a formula), followed by the FDP's direction and currency
        assertTrue(realisationRows.get(3).contains(",-12000000.00,expenditure,IDR,"), realisationCsv);

        // uninstall and reinstall: the locked DPA and its history are all there
        GapuraInstance.Shell uninstall = gapura.console("module:uninstall budgeting");
        assertEquals(0, uninstall.exitStatus(), uninstall.output());
        assertEquals(404, gapura.status("/api/budgeting/agencies"));
        assertEquals(0, gapura.console("module:install budgeting").exitStatus());
        await().atMost(Duration.ofSeconds(30)).until(() -> gapura.status("/api/budgeting/agencies") == 200);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> as(TAPD, "GET", "/api/budgeting/years/2027", null).statusCode() == 200);
        assertEquals("dpa", ok(as(TAPD, "GET", "/api/budgeting/years/2027", null)).get("stage").asText());
        assertEquals(12, ok(as(TAPD, "GET", "/api/budgeting/years/2027/lines", null)).size());
        assertEquals(1, ok(as(TAPD, "GET", "/api/budgeting/years/2027/versions", null)).size());
        assertEquals(4, ok(as(DIKNAS_OPERATOR, "GET", "/api/budgeting/years/2027/lines/" + stationery + "/history", null)).size());
        assertEquals(csv, gapura.get("/api/budgeting/open-data/2027/budget.csv").body());
        assertEquals(realisationCsv, gapura.get("/api/budgeting/open-data/2027/realisation.csv").body());

        // a perubahan after the DPA is version 2, compared line by line with the murni
        GapuraInstance.Shell change = gapura.console("budgeting:change 2027 perubahan");
        assertEquals(0, change.exitStatus(), change.output());
        ok(as(DIKNAS_OPERATOR, "PUT", "/api/budgeting/years/2027/lines/" + computers,
                line(USB, "5.2.02.10.01.0002", "Personal computer untuk lab SD", "39", "unit", "15000000")));
        ok(as(TAPD, "POST", "/api/budgeting/years/2027/stage", "{\"stage\":\"verification\"}"));
        ok(as(TAPD, "POST", "/api/budgeting/years/2027/agencies/" + DIKNAS + "/verify", null));
        ok(as(TAPD, "POST", "/api/budgeting/years/2027/stage", "{\"stage\":\"validation\"}"));
        ok(as(DIKNAS_HEAD, "POST", "/api/budgeting/years/2027/agencies/" + DIKNAS + "/validate", null));
        ok(as(DINKES_HEAD, "POST", "/api/budgeting/years/2027/agencies/" + DINKES + "/validate", null));
        assertEquals(2, ok(as(TAPD, "POST", "/api/budgeting/years/2027/stage", "{\"stage\":\"dpa\"}")).get("version").asInt());
        JsonNode comparison = ok(as(VIEWER, "GET", "/api/budgeting/years/2027/versions/compare?from=1&to=2", null));
        assertEquals(-15_000_000L, comparison.get("difference").asLong(), comparison.toString());
        assertEquals(List.of("changed"), comparison.get("lines").findValuesAsText("change"));
        assertTrue(gapura.get("/api/budgeting/open-data/2027/budget.csv").body().contains(",adjusted,perubahan,2,"));
    }

    private static String payment(String agency, String subKegiatan, String account, String date, String amount, String document) {
        return "{\"agencyCode\":\"" + agency + "\",\"subKegiatanCode\":\"" + subKegiatan + "\",\"accountCode\":\"" + account
                + "\",\"date\":\"" + date + "\",\"amount\":" + amount + ",\"document\":\"" + document + "\"}";
    }

    private static String line(String subKegiatan, String account, String description, String volume, String unit, String price) {
        return "{\"agencyCode\":\"" + DIKNAS + "\",\"subKegiatanCode\":\"" + subKegiatan + "\",\"accountCode\":\"" + account
                + "\",\"description\":\"" + description + "\",\"volume\":" + volume + ",\"unit\":\"" + unit
                + "\",\"unitPrice\":" + price + "}";
    }

    private HttpResponse<String> as(String user, String method, String path, String body) throws Exception {
        return gapura.send(method, path, body, user, PASSWORD);
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private JsonNode created(HttpResponse<String> response) throws Exception {
        assertEquals(201, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private static long id(JsonNode line) {
        return line.get("id").asLong();
    }
}
