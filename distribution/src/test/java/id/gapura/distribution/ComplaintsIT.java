package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SP4N-LAPOR! flow on the assembled distribution, as the people involved do it: a citizen reports with a
 * photo through Open311, the coordinator verifies and dispositions to an agency, the agency's
 * liaison officer answers, the citizen reads the answer by tracking number, the coordinator closes, the
 * citizen reopens; every officer sees only what their role allows, and everything survives reinstalling.
 */
class ComplaintsIT {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    private static final String COORDINATOR = "koordinator";
    private static final String LIAISON = "penghubung-dlh";
    private static final String OTHER_LIAISON = "penghubung-dishub";
    private static final String PASSWORD = "Rahasia-2026";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private GapuraInstance gapura;

    @BeforeEach
    void boot() throws Exception {
        gapura = new GapuraInstance();
        gapura.addUser(COORDINATOR, PASSWORD, "complaints-coordinator");
        gapura.addUser(LIAISON, PASSWORD, "complaints-liaison");
        gapura.addUser(OTHER_LIAISON, PASSWORD, "complaints-liaison");
        gapura.start();
        TestProvider.cover(gapura, "complaints");
        assertEquals(0, gapura.console("module:install complaints").exitStatus());
        console("complaints:liaison-assign " + LIAISON + " DLH");
        console("complaints:liaison-assign " + OTHER_LIAISON + " DISHUB");
    }

    @AfterEach
    void shutdown() throws Exception {
        gapura.close();
    }

    @Test
    void aReportIsHandledFromSubmissionToAnswerAndReopening() throws Exception {
        GapuraInstance.Shell issued = gapura.console("complaints:apikey-issue LAKSA");
        assertEquals(0, issued.exitStatus(), issued.output());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", issued.lines().get(1));
        form.put("service_code", "SAMPAH");
        form.put("address_string", "Jl. Kenari No. 5, Karawang");
        form.put("description", "Sampah di TPS Jl. Kenari tidak diangkut seminggu");
        form.put("first_name", "Siti");
        form.put("last_name", "Aminah");
        form.put("phone", "081298765432");
        HttpResponse<String> submitted = gapura.postForm("/open311/v2/requests.json", form);
        assertEquals(200, submitted.statusCode(), submitted.body());
        String number = json.readTree(submitted.body()).get(0).get("service_request_id").asText();
        String secret = json.readTree(submitted.body()).get(0).get("reporter_secret").asText();
        String report = "/api/complaints/reports/" + number;

        HttpResponse<String> withoutSecret = photo(report, null);
        assertEquals(403, withoutSecret.statusCode(), "the tracking number alone is public: " + withoutSecret.body());
        assertEquals("application/problem+json", withoutSecret.headers().firstValue("Content-Type").orElse(""));
        assertTrue(withoutSecret.body().contains("X-Reporter-Secret"), withoutSecret.body());
        HttpResponse<String> photo = photo(report, secret);
        assertEquals(201, photo.statusCode(), photo.body());
        String photoUrl = json.readTree(photo.body()).get("url").asText();
        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(uri(photoUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(JPEG, image.body());
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse(""));

        // officers' endpoints need credentials and the right role
        assertEquals(401, send("GET", "/api/complaints/reports", null, null).statusCode());
        assertEquals(403, send("GET", report + "/details", OTHER_LIAISON, null).statusCode(),
                "a liaison officer sees only their agency's reports");
        JsonNode forCoordinator = json.readTree(ok(send("GET", report + "/details", COORDINATOR, null)));
        assertEquals("Siti Aminah", forCoordinator.get("reporter").get("name").asText());
        assertEquals("open311", forCoordinator.get("channel").asText());
        assertEquals(List.of("verify", "postpone", "not_our_authority", "archive"),
                json.convertValue(forCoordinator.get("allowedActions"), List.class));

        ok(action(number, COORDINATOR, "{\"action\":\"verify\"}"));
        HttpResponse<String> refused = action(number, COORDINATOR, "{\"action\":\"close\"}");
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals(422, action(number, COORDINATOR, "{\"action\":\"disposition\"}").statusCode());
        JsonNode dispositioned = json.readTree(ok(action(number, COORDINATOR,
                "{\"action\":\"disposition\",\"agency\":\"DLH\",\"instruction\":\"Angkut sampah dan jadwalkan ulang TPS\"}")));
        assertEquals("dispositioned", dispositioned.get("status").asText());
        assertTrue(dispositioned.get("deadlines").hasNonNull("answer"), dispositioned.toString());

        List<?> ownAgency = json.readValue(ok(send("GET", "/api/complaints/reports", LIAISON, null)), List.class);
        assertEquals(1, ownAgency.size());
        assertEquals(List.of(), json.readValue(ok(send("GET", "/api/complaints/reports", OTHER_LIAISON, null)), List.class));
        JsonNode forAgency = json.readTree(ok(send("GET", report + "/details", LIAISON, null)));
        assertEquals("Siti Aminah", forAgency.get("reporter").get("name").asText(),
                "not confidential: the agency sees who reported");
        assertEquals(403, action(number, OTHER_LIAISON, "{\"action\":\"answer\",\"note\":\"x\"}").statusCode());
        ok(action(number, LIAISON, "{\"action\":\"answer\",\"note\":\"Sampah sudah diangkut pada hari Senin.\"}"));

        JsonNode tracked = json.readTree(ok(send("GET", report, null, null)));
        assertEquals("answered", tracked.get("status").asText());
        assertEquals("Sampah sudah diangkut pada hari Senin.", tracked.get("statusNotes").asText());
        assertEquals("Dinas Lingkungan Hidup", tracked.get("agency").asText());
        assertFalse(tracked.toString().contains("Siti") || tracked.toString().contains("0812"),
                "no personal data on the public view: " + tracked);
        JsonNode viaOpen311 = json.readTree(gapura.get("/open311/v2/requests/" + number + ".json").body()).get(0);
        assertEquals("open", viaOpen311.get("status").asText());
        assertEquals("Sampah sudah diangkut pada hari Senin.", viaOpen311.get("status_notes").asText());
        assertFalse(viaOpen311.toString().contains("Siti"), viaOpen311.toString());

        ok(action(number, COORDINATOR, "{\"action\":\"close\",\"note\":\"Selesai, terima kasih.\"}"));
        String reason = "{\"reason\":\"Sampah menumpuk lagi sejak kemarin.\"}";
        assertEquals(403, send("POST", report + "/reopen", null, reason).statusCode(), "no reporter secret");
        assertEquals(403, reopen(report, "tebakan", reason).statusCode(), "a wrong reporter secret");
        JsonNode reopened = json.readTree(ok(reopen(report, secret, reason)));
        assertEquals("dispositioned", reopened.get("status").asText());

        assertEquals(0, gapura.console("module:uninstall complaints").exitStatus());
        assertEquals(0, gapura.console("module:install complaints").exitStatus());
        JsonNode afterReinstall = json.readTree(ok(send("GET", report + "/details", COORDINATOR, null)));
        assertEquals(List.of("submit", "verify", "disposition", "answer", "close", "reopen"),
                afterReinstall.get("history").findValuesAsText("action"));
        assertEquals(photoUrl, afterReinstall.get("photos").get(0).get("url").asText());
    }

    @Test
    void aConfidentialReporterIsHiddenFromTheAgency() throws Exception {
        HttpResponse<String> submitted = send("POST", "/api/complaints/reports", null, """
                {"serviceCode":"PELAYANAN","description":"Petugas loket meminta uang tambahan","address":"Kantor Kecamatan",
                 "name":"Rudi Hartono","phone":"081311112222","confidential":true}""");
        assertEquals(201, submitted.statusCode(), submitted.body());
        String number = json.readTree(submitted.body()).get("trackingNumber").asText();
        assertTrue(json.readTree(submitted.body()).get("reporterSecret").asText().matches("[A-Za-z0-9_-]{43}"),
                "the receipt answers the reporter secret once: " + submitted.body());
        ok(action(number, COORDINATOR, "{\"action\":\"verify\"}"));
        ok(action(number, COORDINATOR,
                "{\"action\":\"disposition\",\"agency\":\"DLH\",\"instruction\":\"Periksa petugas loket\"}"));
        String details = "/api/complaints/reports/" + number + "/details";
        assertTrue(json.readTree(ok(send("GET", details, LIAISON, null))).get("reporter").isNull(),
                "confidential: the agency must not see who reported");
        assertEquals("Rudi Hartono",
                json.readTree(ok(send("GET", details, COORDINATOR, null))).get("reporter").get("name").asText());
    }

    /** The reporter's photo, with the reporter secret of the receipt unless it is null. */
    private HttpResponse<String> photo(String report, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(report + "/photo")).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JPEG));
        if (secret != null) {
            request.header("X-Reporter-Secret", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> reopen(String report, String secret, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(report + "/reopen")).header("Content-Type", "application/json")
                .header("X-Reporter-Secret", secret).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> action(String number, String user, String body) throws Exception {
        return send("POST", "/api/complaints/reports/" + number + "/actions", user, body);
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        return gapura.send(method, path, body, user, user == null ? null : PASSWORD);
    }

    private static String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + gapura.httpPort + path);
    }

    private void console(String command) throws Exception {
        GapuraInstance.Shell shell = gapura.console(command);
        assertEquals(0, shell.exitStatus(), command + ": " + shell.output());
    }
}
