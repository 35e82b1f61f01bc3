package id.gapura.distribution;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SAKIP module on the assembled distribution, as an agency, its head, the inspectorate and Bappeda use it:
 * install it at run time, enter the Renstra, sign the performance agreement, record four quarters, read the LKjIP,
 * grade the LKE; then the budget link: install budgeting and lock a DPA whose programme the agreement names, and the
 * LKjIP shows its budget; uninstall budgeting and it says the figure is not available while SAKIP keeps serving;
 * reinstall and the budget is back.
 */
class SakipIT {

    private static final String PASSWORD = "rahasia-uji";
    private static final String PLANNER = "perencana-diknas";
    private static final String HEAD = "kadis-diknas";
    private static final String EVALUATOR = "inspektorat";
    private static final String VIEWER = "bappeda";
    private static final String TAPD = "tapd";
    private static final String OPERATOR = "operator-diknas";
    private static final String DIKNAS = "1.01.0.00.0.00.01.0000";
    private static final String DINKES = "1.02.0.00.0.00.01.0000";
    private static final String USB = "1.01.02.2.01.0001";
    private static final String LKJIP = "/api/sakip/lkjip/" + DIKNAS + "/2027";

    /** Decimals exactly as the API writes them (100.00 stays 100.00). */
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private GapuraInstance gapura;

    @BeforeEach
    void boot() throws Exception {
        gapura = new GapuraInstance();
        gapura.addUser(PLANNER, PASSWORD, "sakip-planner");
        gapura.addUser(HEAD, PASSWORD, "sakip-agency-head");
        gapura.addUser(EVALUATOR, PASSWORD, "sakip-evaluator");
        gapura.addUser(VIEWER, PASSWORD, "sakip-viewer");
        gapura.addUser(TAPD, PASSWORD, "budget-tapd");
        gapura.addUser(OPERATOR, PASSWORD, "budget-agency", "budget-agency-head");
        gapura.start();
        await("the console answers").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> gapura.console("shell:echo ready").exitStatus() == 0);
    }

    @AfterEach
    void shutdown() throws Exception {
        gapura.close();
    }

    @Test
    void fromRenstraToGradeAndTheBudgetLinkComesAndGoesAtRunTime() throws Exception {
        TestProvider.cover(gapura, "sakip", "budgeting");
        GapuraInstance.Shell install = gapura.console("module:install sakip");
        assertEquals(0, install.exitStatus(), install.output());
        await().atMost(Duration.ofSeconds(30)).until(() -> gapura.status("/api/sakip/agencies") == 200);
        System.out.printf("[figures] %s%n", install.lines().get(0));
        assertEquals(3, json.readTree(gapura.get("/api/sakip/agencies").body()).size());
        assertEquals(0, gapura.console("sakip:user-assign " + PLANNER + " " + DIKNAS).exitStatus());
        assertEquals(0, gapura.console("sakip:user-assign " + HEAD + " " + DIKNAS).exitStatus());
        GapuraInstance.Shell unknown = gapura.console("sakip:user-assign someone 9.99");
        assertTrue(unknown.exitStatus() != 0 && unknown.output().contains("No agency with code 9.99"), unknown.output());

        // the Renstra, entered whole by the agency's planner
        assertEquals(401, gapura.send("GET", "/api/sakip/renstra", null, null, null).statusCode());
        assertEquals(403, as(VIEWER, "POST", "/api/sakip/renstra", renstra()).statusCode());
        HttpResponse<String> invalid = as(PLANNER, "POST", "/api/sakip/renstra", renstra().replace("\"LOWER_IS_BETTER\"", "\"DOWN\""));
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertEquals(List.of("goals[0].objectives[0].indicators[1].direction"),
                json.readTree(invalid.body()).get("errors").findValuesAsText("field"));
        JsonNode renstra = created(as(PLANNER, "POST", "/api/sakip/renstra", renstra()));
        assertEquals(2029, renstra.get("endYear").asInt());
        assertEquals(403, as(PLANNER, "GET", "/api/sakip/renstra?agency=" + DINKES, null).statusCode());

        // the performance agreement 2027: drafted, signed by the head (not by anyone else), then locked
        String agreement = "{\"agencyCode\":\"" + DIKNAS + "\",\"year\":2027,\"indicators\":["
                + "{\"indicatorCode\":\"IKU-1\",\"programmes\":[\"1.01.02\"]},"
                + "{\"indicatorCode\":\"IKU-2\",\"programmes\":[\"1.01.02\"]},"
                + "{\"indicatorCode\":\"IKU-3\",\"programmes\":[]}]}";
        assertEquals("draft", ok(as(PLANNER, "POST", "/api/sakip/agreements", agreement)).get("status").asText());
        assertEquals(403, as(PLANNER, "POST", "/api/sakip/agreements/" + DIKNAS + "/2027/sign", null).statusCode());
        JsonNode signed = ok(as(HEAD, "POST", "/api/sakip/agreements/" + DIKNAS + "/2027/sign", null));
        assertEquals("signed", signed.get("status").asText());
        assertEquals(HEAD, signed.get("signedBy").asText());
        assertEquals(409, as(HEAD, "POST", "/api/sakip/agreements/" + DIKNAS + "/2027/sign", null).statusCode());
        HttpResponse<String> noReason = as(PLANNER, "POST", "/api/sakip/agreements", agreement);
        assertEquals(422, noReason.statusCode(), noReason.body());

        // four quarters with evidence
        String[] apm = {"90", "91.5", "92.5", "93"};
        for (int q = 1; q <= 4; q++) {
            ok(as(PLANNER, "PUT", "/api/sakip/realisations/" + DIKNAS + "/2027/IKU-1/" + q,
                    "{\"value\":" + apm[q - 1] + ",\"note\":\"Dapodik TW " + q + "\",\"link\":\"https://dapodik.example.go.id/tw" + q + "\"}"));
            ok(as(PLANNER, "PUT", "/api/sakip/realisations/" + DIKNAS + "/2027/IKU-2/" + q,
                    "{\"value\":1.1,\"note\":\"Laporan sekolah\",\"attachment\":{\"name\":\"tw" + q + ".txt\","
                            + "\"contentType\":\"text/plain\",\"base64\":\"UmVrYXAgcHV0dXMgc2Vrb2xhaA==\"}}"));
            ok(as(PLANNER, "PUT", "/api/sakip/realisations/" + DIKNAS + "/2027/IKU-3/" + q,
                    "{\"value\":" + (q == 4 ? "26" : "24") + ",\"note\":\"Rasio dari Dapodik\"}"));
        }
        HttpResponse<String> evidence = as(VIEWER, "GET", "/api/sakip/realisations/" + DIKNAS + "/2027/IKU-2/4/attachment", null);
        assertEquals(200, evidence.statusCode());
        assertEquals("Rekap putus sekolah", evidence.body());
        assertEquals(12, ok(as(HEAD, "GET", "/api/sakip/realisations/" + DIKNAS + "/2027", null)).size());

        // the LKjIP: target, quarters, achievement, previous years, progress to the Renstra end target; no budget yet
        JsonNode report = ok(as(VIEWER, "GET", LKJIP, null));
        JsonNode access = report.get("objectives").get(0);
        JsonNode apmReport = access.get("indicators").get(0);
        assertEquals(93, apmReport.get("target").asInt());
        assertEquals(4, apmReport.get("quarters").size());
        assertEquals("100.00", apmReport.get("achievement").get("percent").asText());
        assertEquals(2, apmReport.get("previousYears").size());
        assertEquals("97.89", apmReport.get("progressToEndTarget").get("percent").asText(), "93 / 95");
        assertEquals("90.00", access.get("indicators").get(1).get("achievement").get("percent").asText(), "(2 - 1.1 / 1) x 100");
        assertEquals("95.00", access.get("achievement").get("percent").asText());
        assertEquals("96.00", report.get("objectives").get(1).get("indicators").get(0).get("achievement").get("percent").asText(),
                "26 above [20, 25]");
        assertEquals("95.33", report.get("achievement").get("percent").asText(), "(100 + 90 + 96) / 3");
        assertFalse(access.get("budget").get("available").asBoolean());
        assertEquals("not available: the e-budgeting module is not installed", access.get("budget").get("note").asText());
        HttpResponse<String> html = as(VIEWER, "GET", LKJIP + "?format=html", null);
        assertEquals(200, html.statusCode(), html.body());
        assertTrue(html.body().startsWith("<!DOCTYPE html>") && html.body().contains("tidak tersedia"), html.body());

        // the LKE evaluation by the inspectorate: 90 is A, 90.01 is AA
        assertEquals(403, as(PLANNER, "PUT", "/api/sakip/evaluations/" + DIKNAS + "/2026", lke("90", "90")).statusCode());
        JsonNode exactly90 = ok(as(EVALUATOR, "PUT", "/api/sakip/evaluations/" + DIKNAS + "/2026", lke("90", "90")));
        assertEquals("90.00", exactly90.get("total").asText());
        assertEquals("A", exactly90.get("grade").asText());
        JsonNode above = ok(as(EVALUATOR, "PUT", "/api/sakip/evaluations/" + DIKNAS + "/2027", lke("90", "90.04")));
        assertEquals("90.01", above.get("total").asText());
        assertEquals("AA", above.get("grade").asText());
        assertEquals(List.of("AA", "A"), ok(as(HEAD, "GET", "/api/sakip/evaluations?agency=" + DIKNAS, null)).findValuesAsText("grade"));
        GapuraInstance.Shell grades = gapura.console("sakip:evaluations --no-format");
        assertTrue(grades.output().contains("AA") && grades.output().contains("Sangat Memuaskan"), grades.output());

        // the budget link: budgeting installed at run time, a locked DPA for 2027 with programme 1.01.02
        GapuraInstance.Shell budgeting = gapura.console("module:install budgeting");
        assertEquals(0, budgeting.exitStatus(), budgeting.output());
        await().atMost(Duration.ofSeconds(30)).until(() -> gapura.status("/api/budgeting/agencies") == 200);
        assertEquals(0, gapura.console("budgeting:user-assign " + OPERATOR + " " + DIKNAS).exitStatus());
        lockDpa();
        await("the LKjIP shows the budget").atMost(Duration.ofSeconds(30))
                .until(() -> ok(as(VIEWER, "GET", LKJIP, null)).get("budget").get("available").asBoolean());
        JsonNode withBudget = ok(as(VIEWER, "GET", LKJIP, null));
        JsonNode objectiveBudget = withBudget.get("objectives").get(0).get("budget");
        assertEquals(600_000_000L, objectiveBudget.get("allocated").asLong(), objectiveBudget.toString());
        assertEquals("Program Pengelolaan Pendidikan", objectiveBudget.get("programmes").get(0).get("name").asText());
        assertEquals(0, objectiveBudget.get("spent").asLong(), "nothing paid yet: " + objectiveBudget);
        created(as(OPERATOR, "POST", "/api/budgeting/years/2027/realisations", "{\"agencyCode\":\"" + DIKNAS
                + "\",\"subKegiatanCode\":\"" + USB + "\",\"accountCode\":\"5.2.02.10.01.0002\",\"date\":\"2027-03-15\","
                + "\"amount\":450000000,\"document\":\"SP2D-0001/LS/2027\"}"));
        await("the LKjIP shows what budgeting recorded as spent").atMost(Duration.ofSeconds(30)).until(() ->
                ok(as(VIEWER, "GET", LKJIP, null)).get("objectives").get(0).get("budget").get("spent").asLong() == 450_000_000L);
        assertTrue(ok(as(VIEWER, "GET", LKJIP, null)).get("objectives").get(1).get("budget").get("programmes").isEmpty());
        assertTrue(as(VIEWER, "GET", LKJIP + "?format=html", null).body().contains("Rp600.000.000"));

        // uninstalled: SAKIP keeps serving, without a restart of its components, and says the figure is not available
        String lkjipService = serviceId("id.gapura.sakip.internal.Lkjip");
        GapuraInstance.Shell uninstall = gapura.console("module:uninstall budgeting");
        assertEquals(0, uninstall.exitStatus(), uninstall.output());
        assertEquals(404, gapura.status("/api/budgeting/agencies"));
        await("the budget figure goes").atMost(Duration.ofSeconds(30))
                .until(() -> !ok(as(VIEWER, "GET", LKJIP, null)).get("budget").get("available").asBoolean());
        assertEquals("not available: the e-budgeting module is not installed",
                ok(as(VIEWER, "GET", LKJIP, null)).get("objectives").get(0).get("budget").get("note").asText());
        assertEquals(200, as(PLANNER, "GET", "/api/sakip/realisations/" + DIKNAS + "/2027", null).statusCode());

        // reinstalled: the budget is back
        assertEquals(0, gapura.console("module:install budgeting").exitStatus());
        await("the budget figure is back").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> ok(as(VIEWER, "GET", LKJIP, null)).get("objectives").get(0).get("budget").get("allocated").asLong()
                        == 600_000_000L);
        assertEquals(lkjipService, serviceId("id.gapura.sakip.internal.Lkjip"), "the LKjIP component was not restarted");
        GapuraInstance.Shell summary = gapura.console("sakip:lkjip --no-format " + DIKNAS + " 2027");
        assertEquals(0, summary.exitStatus(), summary.output());
        assertTrue(summary.output().contains("600000000"), summary.output());
    }

    /** The quickest way to a locked DPA, as in BudgetingIT: ceilings, one line, verified, validated, locked. */
    private void lockDpa() throws Exception {
        created(as(TAPD, "POST", "/api/budgeting/years", "{\"year\":2027}"));
        ok(as(TAPD, "PUT", "/api/budgeting/years/2027/ceilings", "{\"agencyCode\":\"" + DIKNAS + "\",\"amount\":1000000000}"));
        ok(as(TAPD, "PUT", "/api/budgeting/years/2027/ceilings",
                "{\"agencyCode\":\"" + DIKNAS + "\",\"subKegiatanCode\":\"" + USB + "\",\"amount\":1000000000}"));
        assertEquals(0, gapura.console("budgeting:stage 2027 drafting").exitStatus());
        created(as(OPERATOR, "POST", "/api/budgeting/years/2027/lines", "{\"agencyCode\":\"" + DIKNAS + "\",\"subKegiatanCode\":\""
                + USB + "\",\"accountCode\":\"5.2.02.10.01.0002\",\"description\":\"Personal computer untuk lab SD\","
                + "\"volume\":40,\"unit\":\"unit\",\"unitPrice\":15000000}"));
        ok(as(TAPD, "POST", "/api/budgeting/years/2027/stage", "{\"stage\":\"verification\"}"));
        ok(as(TAPD, "POST", "/api/budgeting/years/2027/agencies/" + DIKNAS + "/verify", null));
        ok(as(TAPD, "POST", "/api/budgeting/years/2027/stage", "{\"stage\":\"validation\"}"));
        ok(as(OPERATOR, "POST", "/api/budgeting/years/2027/agencies/" + DIKNAS + "/validate", null));
        GapuraInstance.Shell locked = gapura.console("budgeting:stage 2027 dpa");
        assertEquals(0, locked.exitStatus(), locked.output());
    }

    /** The service.id of a service: a component restarted by a refresh registers under a new one. */
    private String serviceId(String objectClass) throws Exception {
        GapuraInstance.Shell services = gapura.console("service:list " + objectClass);
        return services.lines().stream().filter(line -> line.startsWith("service.id")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + objectClass + ": " + services.output()));
    }

    private static String renstra() {
        return "{\"agencyCode\":\"" + DIKNAS + "\",\"startYear\":2025,\"goals\":[{\"code\":\"T1\","
                + "\"statement\":\"Meningkatkan mutu pendidikan dasar\",\"objectives\":["
                + "{\"code\":\"S1\",\"statement\":\"Meningkatnya akses pendidikan dasar\","
                + "\"regionObjective\":\"RPJMD S2.1 Meningkatnya kualitas SDM\",\"indicators\":["
                + "{\"code\":\"IKU-1\",\"name\":\"Angka Partisipasi Murni SD\",\"unit\":\"%\",\"direction\":\"HIGHER_IS_BETTER\","
                + "\"baseline\":90,\"targets\":" + targets("91", "92", "93", "94", "95") + "},"
                + "{\"code\":\"IKU-2\",\"name\":\"Angka putus sekolah SD\",\"unit\":\"%\",\"direction\":\"LOWER_IS_BETTER\","
                + "\"baseline\":1.5,\"targets\":" + targets("1.4", "1.2", "1", "0.8", "0.5") + "}]},"
                + "{\"code\":\"S2\",\"statement\":\"Meningkatnya mutu layanan\",\"indicators\":["
                + "{\"code\":\"IKU-3\",\"name\":\"Rasio murid per guru\",\"unit\":\"murid/guru\",\"direction\":\"RANGE\","
                + "\"baseline\":28,\"targets\":[" + range(2025) + "," + range(2026) + "," + range(2027) + "," + range(2028) + ","
                + range(2029) + "]}]}]}]}";
    }

    private static String targets(String... values) {
        StringBuilder targets = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            targets.append(i == 0 ? "" : ",").append("{\"year\":").append(2025 + i).append(",\"target\":").append(values[i]).append('}');
        }
        return targets.append(']').toString();
    }

    private static String range(int year) {
        return "{\"year\":" + year + ",\"low\":20,\"high\":25}";
    }

    /** Every sub-component scores {@code others}, except evaluasi's which score {@code evaluasi}. */
    private static String lke(String others, String evaluasi) {
        String three = "{\"pemenuhan\":%s,\"kualitas\":%s,\"implementasi\":%s}";
        return "{\"scores\":{\"perencanaan\":" + three.formatted(others, others, others) + ",\"pengukuran\":"
                + three.formatted(others, others, others) + ",\"pelaporan\":" + three.formatted(others, others, others)
                + ",\"evaluasi\":" + three.formatted(evaluasi, evaluasi, evaluasi) + "},\"note\":\"LHE SAKIP\"}";
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
}
