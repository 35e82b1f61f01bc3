package id.gapura.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A citizen's app on the assembled distribution: the administrator issues an api_key from the console,
 * the app submits an Open311 GeoReport v2 request form-encoded and follows it by its tracking number in
 * JSON and XML; errors come in the spec's format; a revoked key is refused; the request and the keys
 * survive uninstalling and reinstalling the module.
 */
class Open311IT {

    private static final String NAME = "Siti";
    private static final String SURNAME = "Rahmawatirahasia";
    private static final String EMAIL = "siti.rahasia@example.id";
    private static final String PHONE = "081377778888";
    private static final String DEVICE = "android-5f2c9e";

    private final ObjectMapper json = new ObjectMapper();
    private GapuraInstance gapura;

    @BeforeEach
    void boot() throws Exception {
        gapura = new GapuraInstance();
        gapura.start();
        TestProvider.cover(gapura, "complaints");
        GapuraInstance.Shell install = gapura.console("module:install complaints");
        assertEquals(0, install.exitStatus(), install.output());
        await().atMost(Duration.ofSeconds(30)).until(() -> gapura.status("/open311/v2/services.xml") == 200);
    }

    @AfterEach
    void shutdown() throws Exception {
        gapura.close();
    }

    @Test
    void anAppSubmitsWithAnIssuedKeyAndTheCitizenFollowsTheRequest() throws Exception {
        GapuraInstance.Shell issue = gapura.console("complaints:apikey-issue LAKSA mobile");
        assertEquals(0, issue.exitStatus(), issue.output());
        assertTrue(issue.lines().get(0).matches("Issued api_key \\d+ for \"LAKSA mobile\":"), issue.output());
        String keyId = issue.lines().get(0).replaceAll("\\D+", " ").strip();
        String key = issue.lines().get(1);
        assertTrue(key.matches("[A-Za-z0-9_-]{43}"), issue.output());

        HttpResponse<String> services = gapura.get("/open311/v2/services.xml");
        assertEquals(200, services.statusCode());
        assertEquals("text/xml;charset=utf-8", contentType(services).replace(" ", ""));
        assertTrue(services.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), services.body());
        Document list = xml(services);
        assertEquals(5, nodes(list, "/services/service").getLength());
        assertEquals("true", text(list, "/services/service[service_code='JLN-RUSAK']/metadata"));
        Document definition = xml(gapura.get("/open311/v2/services/JLN-RUSAK.xml"));
        assertEquals(3, nodes(definition,
                "/service_definition/attributes/attribute[code='ukuran']/values/value").getLength());

        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", "JLN-RUSAK");
        form.put("lat", "-6.178306");
        form.put("long", "106.631889");
        form.put("address_string", "Jl. Daan Mogot No. 1, Tangerang");
        form.put("description", "Lubang besar di lajur kiri, sudah ada motor yang jatuh — mohon segera");
        form.put("first_name", NAME);
        form.put("last_name", SURNAME);
        form.put("email", EMAIL);
        form.put("phone", PHONE);
        form.put("device_id", DEVICE);
        form.put("attribute[ukuran]", "besar");
        assertOpen311Error(gapura.postForm("/open311/v2/requests.xml", form), 403, "api_key is missing");
        form.put("api_key", "tebakan-" + key);
        assertOpen311Error(gapura.postForm("/open311/v2/requests.json", form), 403, "Invalid api_key");
        form.put("api_key", key);

        long started = System.nanoTime();
        HttpResponse<String> submitted = gapura.postForm("/open311/v2/requests.xml", form);
        System.out.printf("[figures] Open311 POST requests.xml -> 200: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertEquals(200, submitted.statusCode(), submitted.body());
        Document receipt = xml(submitted);
        String id = text(receipt, "/service_requests/request/service_request_id");
        assertTrue(id.matches("ADU-\\d{4}-[0-9A-Z]{8}"), submitted.body());
        assertTrue(text(receipt, "/service_requests/request/service_notice").contains(id), submitted.body());

        HttpResponse<String> asJson = gapura.get("/open311/v2/requests/" + id + ".json");
        assertEquals(200, asJson.statusCode(), asJson.body());
        assertTrue(contentType(asJson).startsWith("application/json"), contentType(asJson));
        JsonNode request = json.readTree(asJson.body()).get(0);
        assertEquals(id, request.get("service_request_id").asText());
        assertEquals("open", request.get("status").asText());
        assertEquals("JLN-RUSAK", request.get("service_code").asText());
        assertEquals("Lubang besar di lajur kiri, sudah ada motor yang jatuh — mohon segera",
                request.get("description").asText(), "UTF-8 end to end");
        assertEquals("Dinas Pekerjaan Umum dan Penataan Ruang", request.get("agency_responsible").asText());
        assertTrue(request.get("requested_datetime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00"),
                asJson.body());
        assertEquals(-6.178306, request.get("lat").asDouble());

        HttpResponse<String> asXml = gapura.get("/open311/v2/requests/" + id + ".xml");
        Document tracked = xml(asXml);
        assertEquals(id, text(tracked, "/service_requests/request/service_request_id"));
        assertEquals("open", text(tracked, "/service_requests/request/status"));
        assertEquals("106.631889", text(tracked, "/service_requests/request/long"));
        HttpResponse<String> listed = gapura.get("/open311/v2/requests.json?service_request_id=" + id);
        HttpResponse<String> token = gapura.get("/open311/v2/tokens/" + id + ".xml");
        assertEquals(id, text(xml(token), "/service_requests/request/token"));
        for (HttpResponse<String> read : List.of(asJson, asXml, listed, token,
                gapura.get("/open311/v2/requests.xml?status=open"))) {
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains(id), read.body());
            for (String personal : List.of(SURNAME, EMAIL, PHONE, DEVICE)) {
                assertFalse(read.body().contains(personal), "public read shows " + personal + ": " + read.body());
            }
        }

        assertOpen311Error(gapura.get("/open311/v2/requests/ADU-2026-00000000.xml"), 404, "was not found");
        assertOpen311Error(gapura.get("/open311/v2/services/NOPE.json"), 404, "service_code 'NOPE' was not found");
        assertOpen311Error(gapura.get("/open311/v2/services.html"), 404, "Unknown format 'html'");
        assertOpen311Error(gapura.get("/open311/v2/requests.json?start_date=kemarin"), 400, "start_date");
        Map<String, String> noLocation = new LinkedHashMap<>(Map.of("api_key", key, "service_code", "SAMPAH",
                "description", "Sampah"));
        assertOpen311Error(gapura.postForm("/open311/v2/requests.json", noLocation), 400, "location");
        // the api_key is checked before the body: no key is 403 whatever the body, a valid key with a JSON body 400
        assertOpen311Error(gapura.postJson("/open311/v2/requests.xml", "{}"), 403, "api_key is missing");
        assertOpen311Error(gapura.postJson("/open311/v2/requests.xml?api_key=" + key, "{}"), 400,
                "x-www-form-urlencoded or multipart/form-data");

        java.nio.file.Files.writeString(gapura.home.resolve("etc/id.gapura.complaints.cfg"),
                "jurisdictionId = tangerangkota.go.id\n");
        await("etc/id.gapura.complaints.cfg is applied").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> gapura.status("/open311/v2/services.json?jurisdiction_id=karawangkab.go.id") == 404);
        assertOpen311Error(gapura.get("/open311/v2/requests/" + id + ".json?jurisdiction_id=karawangkab.go.id"), 404,
                "jurisdiction_id 'karawangkab.go.id' was not found");
        assertEquals(200, gapura.status("/open311/v2/requests/" + id + ".json?jurisdiction_id=tangerangkota.go.id"));
        assertEquals(200, gapura.status("/open311/v2/requests/" + id + ".json"));

        GapuraInstance.Shell keys = gapura.console("complaints:apikey-list --no-format");
        assertEquals(0, keys.exitStatus(), keys.output());
        String row = keys.lines().stream().filter(line -> line.startsWith(keyId + "\t") || line.startsWith(keyId + " "))
                .findFirst().orElseThrow(() -> new AssertionError(keys.output()));
        assertTrue(row.contains("LAKSA mobile") && row.contains("active") && row.contains("karaf"), keys.output());
        assertFalse(keys.output().contains(key), "the list never shows a key");

        GapuraInstance.Shell revoke = gapura.console("complaints:apikey-revoke " + keyId);
        assertEquals(0, revoke.exitStatus(), revoke.output());
        assertOpen311Error(gapura.postForm("/open311/v2/requests.json", form), 403, "Invalid api_key");
        GapuraInstance.Shell again = gapura.console("complaints:apikey-revoke " + keyId);
        assertNotEquals(0, again.exitStatus());
        assertEquals(List.of("api_key " + keyId + " (LAKSA mobile) is already revoked, by karaf. Nothing was changed."),
                again.lines());

        assertEquals(0, gapura.console("module:uninstall complaints").exitStatus());
        assertEquals(404, gapura.status("/open311/v2/services.xml"));
        assertEquals(0, gapura.console("module:install complaints").exitStatus());
        await().atMost(Duration.ofSeconds(30)).until(() -> gapura.status("/open311/v2/requests/" + id + ".xml") == 200);
        assertEquals(id, text(xml(gapura.get("/open311/v2/requests/" + id + ".xml")),
                "/service_requests/request/service_request_id"), "the request survives uninstall and reinstall");
        assertOpen311Error(gapura.postForm("/open311/v2/requests.json", form), 403, "Invalid api_key");
        GapuraInstance.Shell afterReinstall = gapura.console("complaints:apikey-list --no-format");
        assertTrue(afterReinstall.output().contains("revoked"), afterReinstall.output());
    }

    private void assertOpen311Error(HttpResponse<String> response, int status, String descriptionPart) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        String type = contentType(response);
        List<String> descriptions = new java.util.ArrayList<>();
        if (type.startsWith("application/json")) {
            for (JsonNode error : json.readTree(response.body())) {
                descriptions.add(error.get("description").asText());
            }
        } else {
            assertTrue(type.startsWith("text/xml"), type + ": " + response.body());
            Document errors = xml(response);
            NodeList found = nodes(errors, "/errors/error/description");
            for (int i = 0; i < found.getLength(); i++) {
                descriptions.add(found.item(i).getTextContent());
            }
        }
        assertTrue(descriptions.stream().anyMatch(d -> d.contains(descriptionPart)),
                "no error with \"" + descriptionPart + "\" in " + response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static Document xml(HttpResponse<String> response) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList nodes(Document xml, String path) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
    }

    private static String text(Document xml, String path) throws Exception {
        NodeList found = nodes(xml, path);
        assertEquals(1, found.getLength(), "one element at " + path);
        return found.item(0).getTextContent();
    }
}
