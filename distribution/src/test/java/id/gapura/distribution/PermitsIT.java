package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The permits module on the assembled distribution, as a DPMPTSP uses it: install it at run time, configure a
 * permit type, file an application online, walk it through every stage with the officers of each role (back to
 * the applicant as incomplete once), issue it, verify the permit publicly, read the reports, ask for a renewal,
 * a copy and a change of the permit, then uninstall and reinstall the module and find everything as it was.
 * <p>
 * Each officer calls with HTTP Basic credentials of a user holding that role, so the test keeps working once
 * the platform enforces {@code @RolesAllowed}; it then also checks that a role cannot take another's step.
 */
class PermitsIT {

    private static final String PASSWORD = "rahasia-uji";
    private static final String FRONT_OFFICE = "loket";
    private static final String BACK_OFFICE = "verifikator";
    private static final String TECHNICAL = "teknis";
    private static final String HEAD = "kadis";

    private static final String TYPE = """
            {"name":"Izin Usaha Toko Modern","description":"Izin usaha minimarket, supermarket dan toko swalayan.",
             "requiredDocuments":[{"code":"ktp","name":"KTP penanggung jawab"},{"code":"nib","name":"NIB dari OSS"},
               {"code":"denah","name":"Denah lokasi dan bangunan"},{"code":"kajian","name":"Kajian sosial ekonomi"}],
             "stages":["verification","technical_review","validation"],"slaDays":10,
             "feeRule":{"kind":"flat","amount":1500000},"validityMonths":60,"renewable":true,"renewalDaysBefore":90,
             "numberFormat":"503/{seq:3}/{type}/{office}/{month:roman}/{year}"}""";

    private static final String APPLICATION = """
            {"typeCode":"IUTM","applicant":{"kind":"company","idNumber":"9120001234567","name":"PT Sumber Rejeki Makmur",
             "address":"Jl. Raya Serpong No. 8, Tangerang Selatan","phone":"021-5551234","email":"izin@sumberrejeki.co.id"},
             "subject":"Minimarket 180 m2","location":"Jl. Raya Serpong No. 8","documents":["ktp","nib","denah"]}""";

    private final ObjectMapper json = new ObjectMapper();
    private GapuraInstance gapura;

    @BeforeEach
    void boot() throws Exception {
        gapura = new GapuraInstance();
        gapura.addUser(FRONT_OFFICE, PASSWORD, "permits-frontoffice");
        gapura.addUser(BACK_OFFICE, PASSWORD, "permits-backoffice");
        gapura.addUser(TECHNICAL, PASSWORD, "permits-technical");
        gapura.addUser(HEAD, PASSWORD, "permits-head", "permits-viewer");
        gapura.start();
        // on a loaded machine the console may still be authenticating slowly right after HTTP is up
        await("the console answers").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> gapura.console("shell:echo ready").exitStatus() == 0);
    }

    @AfterEach
    void shutdown() throws Exception {
        gapura.close();
    }

    @Test
    void aPermitFromTypeToPublicVerificationSurvivesUninstallAndReinstall() throws Exception {
        String bundlesBefore = otherBundles();
        String componentsBefore = otherComponents();

        TestProvider.cover(gapura, "permits");
        GapuraInstance.Shell install = gapura.console("module:install permits");
        assertEquals(0, install.exitStatus(), install.output());
        assertTrue(install.output().contains("other bundles restarted or refreshed: 0"), install.output());
        assertEquals(200, gapura.status("/api/permits/types"));
        System.out.printf("[figures] %s%n", install.lines().get(0));

        GapuraInstance.Shell types = gapura.console("permits:types --no-format");
        assertEquals(0, types.exitStatus(), types.output());
        assertTrue(types.output().contains("PBG") && types.output().contains("REKLAME") && types.output().contains("SKP"),
                types.output());

        // the administrator configures a permit type of the region
        HttpResponse<String> invalidType = admin("PUT", "/api/permits/types/IUTM",
                TYPE.replace("\"slaDays\":10", "\"slaDays\":0").replace("{year}\"", "\""));
        assertEquals(422, invalidType.statusCode(), invalidType.body());
        assertEquals(List.of("slaDays", "numberFormat"), json.readTree(invalidType.body()).get("errors").findValuesAsText("field"));
        HttpResponse<String> created = admin("PUT", "/api/permits/types/IUTM", TYPE);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode type = json.readTree(gapura.get("/api/permits/types/IUTM").body());
        assertEquals(List.of("submitted", "verification", "technical_review", "validation", "fee_assessment", "payment",
                "decree", "signed", "issued"), texts(type.get("pipeline")));
        assertTrue(type.get("numberExample").asText().matches("503/001/IUTM/DPMPTSP/[IVXL]+/20\\d\\d"), type.toString());

        // fee simulation, public
        JsonNode reklame = json.readTree(gapura.postJson("/api/permits/types/REKLAME/fee-simulation",
                "{\"parameters\":{\"luas\":6,\"durasi\":12,\"lokasi\":\"protokol\"}}").body());
        assertEquals(2_700_000, reklame.get("amount").asLong(), reklame.toString());
        assertEquals(1_500_000, json.readTree(gapura.postJson("/api/permits/types/IUTM/fee-simulation",
                "{\"parameters\":{}}").body()).get("amount").asLong());

        // the applicant files online; a wrong NIB is refused field by field
        HttpResponse<String> badFiling = gapura.postJson("/api/permits/online/applications",
                APPLICATION.replace("9120001234567", "912000"));
        assertEquals(422, badFiling.statusCode(), badFiling.body());
        assertEquals(List.of("applicant.idNumber"), json.readTree(badFiling.body()).get("errors").findValuesAsText("field"));
        HttpResponse<String> filed = gapura.postJson("/api/permits/online/applications", APPLICATION);
        assertEquals(201, filed.statusCode(), filed.body());
        String registration = json.readTree(filed.body()).get("registrationNumber").asText();
        assertEquals("draft", json.readTree(filed.body()).get("stage").asText());
        String submitted = gapura.postJson("/api/permits/online/applications/" + registration + "/submit", "{}").body();
        assertEquals("running", json.readTree(submitted).get("clock").get("state").asText(), submitted);

        // completeness check: one document is missing, back to the applicant, the clock stops
        HttpResponse<String> incomplete = step(FRONT_OFFICE, registration, "{\"step\":\"accept_complete\"}");
        assertEquals(422, incomplete.statusCode(), incomplete.body());
        assertTrue(incomplete.body().contains("kajian"), incomplete.body());
        JsonNode returned = ok(step(FRONT_OFFICE, registration, "{\"step\":\"return_incomplete\",\"note\":\"Lengkapi kajian\"}"));
        assertEquals("returned", returned.get("stage").asText());
        assertEquals("paused", returned.get("clock").get("state").asText());
        JsonNode tracking = json.readTree(gapura.get("/api/permits/online/applications/" + registration).body());
        assertEquals(List.of("kajian"), texts(tracking.get("missingDocuments")));
        assertFalse(tracking.toString().contains("Sumber Rejeki") || tracking.toString().contains("9120001234567"),
                "the public tracking view shows no personal data: " + tracking);
        JsonNode resubmitted = json.readTree(gapura.postJson("/api/permits/online/applications/" + registration + "/submit",
                "{\"documents\":[\"kajian\"]}").body());
        assertEquals("submitted", resubmitted.get("stage").asText(), resubmitted.toString());
        assertEquals("running", resubmitted.get("clock").get("state").asText());

        // a step out of order is refused, naming the stage and the allowed steps
        HttpResponse<String> early = step(HEAD, registration, "{\"step\":\"sign\"}");
        assertEquals(409, early.statusCode(), early.body());
        assertEquals("Cannot sign an application in stage submitted: allowed steps are accept_complete, return_incomplete.",
                json.readTree(early.body()).get("detail").asText());

        boolean rolesEnforced = gapura.status("/api/permits/applications") == 401;
        if (rolesEnforced) {
            assertEquals(403, step(TECHNICAL, registration, "{\"step\":\"accept_complete\"}").statusCode(),
                    "the technical team may not check completeness");
        }

        // every stage, each by its role
        ok(step(FRONT_OFFICE, registration, "{\"step\":\"accept_complete\"}"));
        ok(step(BACK_OFFICE, registration, "{\"step\":\"verify\",\"note\":\"Data sesuai OSS\"}"));
        assertEquals(422, step(TECHNICAL, registration, "{\"step\":\"recommend\"}").statusCode());
        ok(step(TECHNICAL, registration,
                "{\"step\":\"recommend\",\"recommendation\":\"approve\",\"note\":\"Jarak ke pasar tradisional memenuhi\"}"));
        ok(step(BACK_OFFICE, registration, "{\"step\":\"validate\"}"));
        JsonNode assessed = ok(step(BACK_OFFICE, registration, "{\"step\":\"assess_fee\"}"));
        assertEquals(1_500_000, assessed.get("fee").get("amount").asLong());
        assertTrue(assessed.get("fee").get("skrdNumber").asText().startsWith("SKRD/"), assessed.toString());
        HttpResponse<String> wrongAmount = step(BACK_OFFICE, registration,
                "{\"step\":\"record_payment\",\"paymentReference\":\"BJB-0001\",\"amount\":150000}");
        assertEquals(422, wrongAmount.statusCode(), wrongAmount.body());
        ok(step(BACK_OFFICE, registration, "{\"step\":\"record_payment\",\"paymentReference\":\"BJB-0001\",\"amount\":1500000}"));
        ok(step(HEAD, registration, "{\"step\":\"sign\"}"));
        JsonNode issued = ok(step(FRONT_OFFICE, registration, "{\"step\":\"issue\"}"));
        assertEquals("issued", issued.get("stage").asText());
        assertEquals("stopped", issued.get("clock").get("state").asText());
        String number = issued.get("permit").get("number").asText();
        assertTrue(number.matches("503/001/IUTM/DPMPTSP/[IVXL]+/20\\d\\d"), number);
        assertEquals(List.of("file", "submit", "return_incomplete", "resubmit", "accept_complete", "verify", "recommend",
                "validate", "assess_fee", "record_payment", "sign", "issue"), issued.get("history").findValuesAsText("step"));
        for (JsonNode event : issued.get("history")) {
            assertFalse(event.get("actor").asText().isBlank(), event.toString());
            assertTrue(event.hasNonNull("at"), event.toString());
        }

        // anyone verifies the permit by its number, as the QR code on the decree links it
        HttpResponse<String> verified = gapura.get("/api/permits/verification/" + number);
        assertEquals(200, verified.statusCode(), verified.body());
        JsonNode verification = json.readTree(verified.body());
        assertEquals(Set.of("number", "holderName", "type", "typeName", "issuedOn", "validUntil", "status"),
                fieldNames(verification));
        assertEquals("PT Sumber Rejeki Makmur", verification.get("holderName").asText());
        assertEquals("valid", verification.get("status").asText());
        assertEquals(404, gapura.status("/api/permits/verification/503/999/IUTM/DPMPTSP/I/2020"));

        // another application waits at the front office: it shows among those nearing their deadline
        HttpResponse<String> counter = gapura.send("POST", "/api/permits/applications", """
                {"typeCode":"REKLAME","applicant":{"kind":"person","idNumber":"3674015705900002","name":"Siti Aminah"},
                 "subject":"Billboard 3x4 m","feeParameters":{"luas":12,"durasi":6,"lokasi":"kolektor"},
                 "documents":["ktp","desain","foto_lokasi","izin_pemilik"],"submit":true}""", FRONT_OFFICE, PASSWORD);
        assertEquals(201, counter.statusCode(), counter.body());
        String waiting = json.readTree(counter.body()).get("registrationNumber").asText();
        GapuraInstance.Shell stuck = gapura.console("permits:stuck --days 10 --no-format");
        assertEquals(0, stuck.exitStatus(), stuck.output());
        assertTrue(stuck.output().contains(waiting) && !stuck.output().contains(registration), stuck.output());

        // reports, JSON and CSV
        HttpResponse<String> processing = gapura.send("GET", "/api/permits/reports/processing?format=csv", null, HEAD, PASSWORD);
        assertEquals(200, processing.statusCode(), processing.body());
        assertTrue(processing.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(processing.body().startsWith("type,decided,issued,rejected,averageDays,worstDays,withinServiceLevel,"
                + "percentWithinServiceLevel"), processing.body());
        assertTrue(processing.body().contains("IUTM,1,1,0,"), processing.body());
        JsonNode revenue = json.readTree(gapura.send("GET", "/api/permits/reports/revenue", null, HEAD, PASSWORD).body());
        assertEquals(1_500_000, revenue.get(0).get("amount").asLong(), revenue.toString());

        // renewal only in its window; a copy of the decree keeps the number; a change gets a new one
        HttpResponse<String> renewal = gapura.send("POST", "/api/permits/applications",
                "{\"kind\":\"renewal\",\"permitNumber\":\"" + number + "\"}", FRONT_OFFICE, PASSWORD);
        assertEquals(422, renewal.statusCode(), renewal.body());
        assertTrue(renewal.body().contains("renewal opens on"), renewal.body());
        String copy = fileFor("copy", number);
        ok(step(FRONT_OFFICE, copy, "{\"step\":\"accept_complete\"}"));
        ok(step(HEAD, copy, "{\"step\":\"sign\"}"));
        JsonNode copied = ok(step(FRONT_OFFICE, copy, "{\"step\":\"issue\"}"));
        assertEquals(number, copied.get("permit").get("number").asText());
        String change = fileFor("change", number);
        walk(change, FRONT_OFFICE, "accept_complete", BACK_OFFICE, "verify", TECHNICAL,
                "recommend\",\"recommendation\":\"approve\",\"note\":\"Perubahan luas sesuai", BACK_OFFICE, "validate",
                BACK_OFFICE, "assess_fee", BACK_OFFICE, "record_payment\",\"amount\":1500000,\"paymentReference\":\"BJB-0002",
                HEAD, "sign");
        JsonNode changed = ok(step(FRONT_OFFICE, change, "{\"step\":\"issue\"}"));
        String newNumber = changed.get("permit").get("number").asText();
        assertTrue(newNumber.matches("503/002/IUTM/DPMPTSP/[IVXL]+/20\\d\\d"), newNumber);
        assertEquals(issued.get("permit").get("validUntil"), changed.get("permit").get("validUntil"),
                "a change keeps the validity of the permit it changes");
        assertEquals("superseded", json.readTree(gapura.get("/api/permits/verification/" + number).body())
                .get("status").asText());
        verification = json.readTree(gapura.get("/api/permits/verification/" + number).body());

        // uninstall and reinstall: nothing lost, nothing else disturbed
        GapuraInstance.Shell uninstall = gapura.console("module:uninstall permits");
        assertEquals(0, uninstall.exitStatus(), uninstall.output());
        assertTrue(uninstall.output().contains("Other bundles restarted or refreshed: 0"), uninstall.output());
        assertEquals(404, gapura.status("/api/permits/verification/" + number));
        assertAll("installing and removing the permits module leaves every other bundle and component as it was",
                () -> assertEquals(bundlesBefore, otherBundles()),
                () -> assertEquals(componentsBefore, otherComponents()));

        assertEquals(0, gapura.console("module:install permits").exitStatus());
        await().atMost(Duration.ofSeconds(10)).until(() -> gapura.status("/api/permits/verification/" + number) == 200);
        assertEquals(verification, json.readTree(gapura.get("/api/permits/verification/" + number).body()));
        assertEquals(200, gapura.status("/api/permits/types/IUTM"), "the configured type must survive");
        JsonNode again = json.readTree(gapura.send("GET", "/api/permits/applications/" + registration, null, HEAD, PASSWORD).body());
        assertEquals(issued.get("history").size(), again.get("history").size(), again.toString());
        assertEquals("submitted", json.readTree(gapura.get("/api/permits/online/applications/" + waiting).body())
                .get("stage").asText());
    }

    /** A renewal, change or copy request at the front office for an issued permit, filed and submitted. */
    private String fileFor(String kind, String permitNumber) throws Exception {
        HttpResponse<String> filed = gapura.send("POST", "/api/permits/applications", "{\"kind\":\"" + kind
                + "\",\"permitNumber\":\"" + permitNumber + "\",\"documents\":[\"ktp\",\"nib\",\"denah\",\"kajian\"],"
                + "\"submit\":true}", FRONT_OFFICE, PASSWORD);
        assertEquals(201, filed.statusCode(), filed.body());
        JsonNode application = json.readTree(filed.body());
        assertEquals("PT Sumber Rejeki Makmur", application.get("applicant").get("name").asText());
        return application.get("registrationNumber").asText();
    }

    /** Takes steps in turn: user, step (with any further JSON fields after the step's code), user, step, ... */
    private void walk(String registration, String... usersAndSteps) throws Exception {
        for (int i = 0; i < usersAndSteps.length; i += 2) {
            ok(step(usersAndSteps[i], registration, "{\"step\":\"" + usersAndSteps[i + 1] + "\"}"));
        }
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return gapura.send(method, path, body, "karaf", "karaf");
    }

    private HttpResponse<String> step(String user, String registration, String body) throws Exception {
        return gapura.send("POST", "/api/permits/applications/" + registration + "/steps", body, user, PASSWORD);
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Id, state and name of every bundle but the module's own and its CSV library (Commons CSV, IO, Codec). */
    private String otherBundles() throws Exception {
        GapuraInstance.Shell bundles = gapura.console("bundle:list -t 0 --no-format");
        assertEquals(0, bundles.exitStatus(), bundles.output());
        return String.join("\n", bundles.lines().stream()
                .filter(line -> !line.contains("permits") && !line.contains("Apache Commons")).toList());
    }

    /** SCR gives a component a new id whenever its bundle is restarted or refreshed. */
    private String otherComponents() throws Exception {
        GapuraInstance.Shell components = gapura.console("scr:list");
        assertEquals(0, components.exitStatus(), components.output());
        return String.join("\n", components.lines().stream().filter(line -> !line.contains("permits")).toList());
    }
}
