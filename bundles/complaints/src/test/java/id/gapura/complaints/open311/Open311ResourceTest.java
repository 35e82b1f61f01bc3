package id.gapura.complaints.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.complaints.internal.ApiKeyService;
import id.gapura.complaints.internal.HandlingRequest;
import id.gapura.complaints.internal.HandlingService;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.ReportEntity;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.TestDatabase;
import id.gapura.complaints.internal.TestSettings;
import id.gapura.complaints.workflow.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Open311 endpoint in JSON and XML on the module's real database, with every error the spec lists.
 * XML is read with the JDK's DOM parser and XPath, so element names are checked as a client sees them.
 */
class Open311ResourceTest {

    private static final String NAME = "Budi";
    private static final String SURNAME = "Santosorahasia";
    private static final String EMAIL = "budi.rahasia@example.id";
    private static final String PHONE = "081299990000";
    private static final String DEVICE = "device-XYZ-123";
    private static final String ACCOUNT = "akun-777";

    private final TestDatabase db = new TestDatabase();
    private final ReportService reports = db.reports();
    private final HandlingService handling = db.handling();
    private final ApiKeyService apiKeys = new ApiKeyService(db.database);
    private final Open311Resource open311 = new Open311Resource(reports, apiKeys, db.clock);
    private final String key = apiKeys.issue("LAKSA mobile", "karaf").key();
    private final ObjectMapper json = new ObjectMapper();
    private final Officer coordinator = new Officer("sari", Set.of(Officer.COORDINATOR), Optional.empty());

    @AfterEach
    void close() {
        db.close();
    }

    // --- GET services

    @Test
    void servicesAsJson() throws Exception {
        Response response = open311.services("json", null);
        assertEquals(200, response.getStatus());
        assertEquals("application/json; charset=utf-8", response.getHeaderString("Content-Type"));
        JsonNode services = json(response);
        assertTrue(services.isArray());
        assertEquals(5, services.size());
        JsonNode road = find(services, "JLN-RUSAK");
        assertEquals("Jalan rusak", road.get("service_name").asText());
        assertEquals("Jalan berlubang, retak atau amblas", road.get("description").asText());
        assertTrue(road.get("metadata").asBoolean());
        assertEquals("realtime", road.get("type").asText());
        assertEquals("jalan, lubang, aspal", road.get("keywords").asText());
        assertEquals("Infrastruktur", road.get("group").asText());
        assertFalse(find(services, "SAMPAH").get("metadata").asBoolean());
        assertEquals(List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group"),
                fieldNames(road));
    }

    @Test
    void servicesAsXml() throws Exception {
        Response response = open311.services("xml", null);
        assertEquals(200, response.getStatus());
        assertEquals("text/xml; charset=utf-8", response.getHeaderString("Content-Type"));
        assertTrue(text(response).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><services>"), text(response));
        Document xml = xml(response);
        assertEquals("services", xml.getDocumentElement().getNodeName());
        assertEquals(5, nodes(xml, "/services/service").getLength());
        assertEquals("true", value(xml, "/services/service[service_code='JLN-RUSAK']/metadata"));
        assertEquals("false", value(xml, "/services/service[service_code='SAMPAH']/metadata"));
        assertEquals("Jalan rusak", value(xml, "/services/service[service_code='JLN-RUSAK']/service_name"));
        assertEquals("realtime", value(xml, "/services/service[service_code='JLN-RUSAK']/type"));
        assertEquals("Infrastruktur", value(xml, "/services/service[service_code='JLN-RUSAK']/group"));
        assertEquals(List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group"),
                childNames(nodes(xml, "/services/service").item(0)));
    }

    // --- GET services/{service_code}

    @Test
    void serviceDefinitionAsJson() throws Exception {
        JsonNode definition = json(open311.serviceDefinition("JLN-RUSAK", "json", null));
        assertEquals("JLN-RUSAK", definition.get("service_code").asText());
        JsonNode size = definition.get("attributes").get(0);
        assertEquals(List.of("variable", "code", "datatype", "required", "datatype_description", "order",
                "description", "values"), fieldNames(size));
        assertTrue(size.get("variable").asBoolean());
        assertEquals("ukuran", size.get("code").asText());
        assertEquals("singlevaluelist", size.get("datatype").asText());
        assertTrue(size.get("required").asBoolean());
        assertTrue(size.get("datatype_description").isNull());
        assertEquals(1, size.get("order").asInt());
        assertEquals("Seberapa besar kerusakan jalan?", size.get("description").asText());
        assertEquals("kecil", size.get("values").get(0).get("key").asText());
        assertEquals("Kecil (kurang dari 1 meter)", size.get("values").get(0).get("name").asText());
        assertEquals(3, size.get("values").size());
        assertEquals(2, definition.get("attributes").size());

        JsonNode pole = json(open311.serviceDefinition("PJU-MATI", "json", null)).get("attributes").get(0);
        assertEquals("string", pole.get("datatype").asText());
        assertEquals("Tertulis pada tiang", pole.get("datatype_description").asText());
        assertFalse(pole.has("values"), "values only for list datatypes");

        JsonNode none = json(open311.serviceDefinition("SAMPAH", "json", null));
        assertEquals(0, none.get("attributes").size(), "metadata=false: a definition without attributes");
    }

    @Test
    void serviceDefinitionAsXml() throws Exception {
        Document xml = xml(open311.serviceDefinition("JLN-RUSAK", "xml", null));
        assertEquals("service_definition", xml.getDocumentElement().getNodeName());
        assertEquals("JLN-RUSAK", value(xml, "/service_definition/service_code"));
        assertEquals(2, nodes(xml, "/service_definition/attributes/attribute").getLength());
        String size = "/service_definition/attributes/attribute[code='ukuran']";
        assertEquals(List.of("variable", "code", "datatype", "required", "datatype_description", "order",
                "description", "values"), childNames(nodes(xml, size).item(0)));
        assertEquals("true", value(xml, size + "/variable"));
        assertEquals("singlevaluelist", value(xml, size + "/datatype"));
        assertEquals("true", value(xml, size + "/required"));
        assertEquals("1", value(xml, size + "/order"));
        assertEquals(3, nodes(xml, size + "/values/value").getLength());
        assertEquals("Sedang (1 sampai 3 meter)", value(xml, size + "/values/value[key='sedang']/name"));
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void anUnknownServiceCodeIsNotFound(Open311Format format) throws Exception {
        assertError(open311.serviceDefinition("NOPE", ext(format), null), format, 404,
                "service_code 'NOPE' was not found");
        assertError(submit(format, "service_code", "NOPE", "description", "x", "address_string", "Jl. A"), format, 404,
                "service_code 'NOPE' was not found");
        assertNoReports();
    }

    // --- POST requests

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void aSubmissionAnswersTheTrackingNumberAndKeepsEveryField(Open311Format format) throws Exception {
        Response response = submit(format, "service_code", "JLN-RUSAK", "lat", "-6.175400", "long", "106.8272",
                "address_string", "Jl. MH Thamrin No. 1", "address_id", "TGR-001", "zipcode", "15111",
                "description", "Lubang besar di depan SDN 3", "first_name", NAME, "last_name", SURNAME,
                "email", EMAIL, "phone", PHONE, "device_id", DEVICE, "account_id", ACCOUNT,
                "media_url", "https://foto.example.id/1.jpg", "attribute[ukuran]", "besar",
                "attribute[membahayakan][]", "ya", "jurisdiction_id", "");
        assertEquals(200, response.getStatus(), text(response));
        assertEquals(format.contentType(), response.getHeaderString("Content-Type"));
        String id;
        String notice;
        String secret;
        if (format == Open311Format.JSON) {
            JsonNode receipt = json(response);
            assertTrue(receipt.isArray());
            assertEquals(List.of("service_request_id", "service_notice", "reporter_secret"), fieldNames(receipt.get(0)));
            id = receipt.get(0).get("service_request_id").asText();
            notice = receipt.get(0).get("service_notice").asText();
            secret = receipt.get(0).get("reporter_secret").asText();
        } else {
            Document xml = xml(response);
            assertEquals(List.of("service_request_id", "service_notice", "reporter_secret"),
                    childNames(nodes(xml, "/service_requests/request").item(0)));
            id = value(xml, "/service_requests/request/service_request_id");
            notice = value(xml, "/service_requests/request/service_notice");
            secret = value(xml, "/service_requests/request/reporter_secret");
        }
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), "the reporter secret, answered once: " + secret);
        assertTrue(id.matches("ADU-2026-[0-9A-Z]{8}"), id);
        assertEquals("Laporan Anda diterima dengan nomor pelacakan " + id + ". Simpan nomor ini untuk mengikuti "
                + "status dan jawaban atas laporan Anda. Koordinator pengaduan memverifikasi laporan dalam 3 hari kerja, "
                + "paling lambat 26 November 2026 pukul 23.59 WIB.", notice);
        assertFalse(text(response).contains(ACCOUNT), "account_id is not echoed");
        for (Open311Format read : Open311Format.values()) {
            assertFalse(text(open311.request(id, ext(read), null)).contains(secret), "reads never show the secret");
            assertFalse(text(open311.requests(ext(read), id, null, null, null, null, null)).contains(secret));
        }

        ReportEntity stored = reports.byTrackingNumber(id).orElseThrow();
        assertAll(
                () -> assertEquals("open311", stored.channel()),
                () -> assertEquals("JLN-RUSAK", stored.serviceCode()),
                () -> assertEquals("Budi Santosorahasia", stored.reporterName()),
                () -> assertEquals(EMAIL, stored.reporterEmail()),
                () -> assertEquals(PHONE, stored.reporterPhone()),
                () -> assertEquals(DEVICE, stored.deviceId()),
                () -> assertEquals(ACCOUNT, stored.accountId()),
                () -> assertEquals("Jl. MH Thamrin No. 1", stored.address()),
                () -> assertEquals("TGR-001", stored.addressId()),
                () -> assertEquals("15111", stored.zipcode()),
                () -> assertEquals(0, new java.math.BigDecimal("-6.1754").compareTo(stored.latitude())),
                () -> assertEquals(0, new java.math.BigDecimal("106.8272").compareTo(stored.longitude())),
                () -> assertEquals("https://foto.example.id/1.jpg", stored.mediaUrl()),
                () -> assertEquals(List.of("membahayakan=ya", "ukuran=besar"), reports.answers(stored.id()).stream()
                        .map(answer -> answer.code() + "=" + answer.value()).toList()));
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void theDescriptionIsOptionalAsTheSpecSays(Open311Format format) throws Exception {
        for (String[] fields : List.of(new String[] {"service_code", "SAMPAH", "address_string", "Jl. A"},
                new String[] {"service_code", "SAMPAH", "address_string", "Jl. A", "description", "  "},
                new String[] {"service_code", "SAMPAH", "address_string", "Jl. A", "description", "null"})) {
            Response response = submit(format, fields);
            assertEquals(200, response.getStatus(), text(response));
        }
        for (ReportEntity stored : reports.search(id.gapura.complaints.internal.ReportQuery.all())) {
            assertEquals("", stored.description(), "no description is kept as the empty text");
            JsonNode request = json(open311.request(stored.trackingNumber(), "json", null)).get(0);
            assertEquals("", request.get("description").asText());
            assertEquals("", value(xml(open311.request(stored.trackingNumber(), "xml", null)),
                    "/service_requests/request/description"));
        }
    }

    @Test
    void anAddressIdAloneIsALocationAndTheApiKeyMayComeInTheQuery() throws Exception {
        MultivaluedMap<String, String> form = form("service_code", "SAMPAH", "address_id", "TGR-002",
                "description", "Sampah menumpuk");
        Response response = open311.submit("json", form, key, null);
        assertEquals(200, response.getStatus(), text(response));
        ReportEntity stored = reports.byTrackingNumber(json(response).get(0).get("service_request_id").asText())
                .orElseThrow();
        assertEquals("TGR-002", stored.addressId());
        assertEquals(null, stored.reporterName(), "no first or last name: no name");
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void submittingNeedsAValidApiKey(Open311Format format) throws Exception {
        String[] valid = {"service_code", "SAMPAH", "address_string", "Jl. Kenari", "description", "Sampah"};
        assertError(open311.submit(ext(format), form(valid), null, null), format, 403, "api_key is missing");
        assertError(open311.submit(ext(format), form(append(valid, "api_key", "  ")), null, null), format, 403,
                "api_key is missing");
        assertError(open311.submit(ext(format), form(append(valid, "api_key", "tebakan")), null, null), format, 403,
                "Invalid api_key");
        ApiKeyService.Issued revoked = apiKeys.issue("Portal lama", "karaf");
        apiKeys.revoke(revoked.record().id(), "karaf");
        assertError(open311.submit(ext(format), form(append(valid, "api_key", revoked.key())), null, null), format,
                403, "Invalid api_key");
        assertNoReports();
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void invalidSubmissionsAre400WithOpen311FieldNames(Open311Format format) throws Exception {
        assertError(submit(format, "address_string", "Jl. A", "description", "x"), format, 400,
                "service_code was not provided");
        assertError(submit(format, "service_code", "SAMPAH", "description", "x"), format, 400,
                "location: give lat and long, address_string or address_id");
        assertError(submit(format, "service_code", "SAMPAH", "description", "x", "lat", "enam", "long", "106.8"),
                format, 400, "lat: 'enam' is not a number");
        assertError(submit(format, "service_code", "SAMPAH", "description", "x", "lat", "-6.2", "long", "1O6"),
                format, 400, "long: '1O6' is not a number");
        assertError(submit(format, "service_code", "SAMPAH", "description", "x", "lat", "-96.2", "long", "106"),
                format, 400, "lat: must be between -90 and 90");
        assertError(submit(format, "service_code", "SAMPAH", "description", "x", "lat", "-6.2"), format, 400,
                "long: is required together with lat");
        assertError(submit(format, "service_code", "SAMPAH", "address_string", "Jl. A",
                "description", "x".repeat(4001)), format, 400, "description: is longer than 4000 characters");
        assertError(submit(format, "service_code", "SAMPAH", "address_string", "Jl. A", "description", "x",
                "email", "bukan-email"), format, 400, "email: is not an e-mail address");
        assertError(submit(format, "service_code", "JLN-RUSAK", "address_string", "Jl. A", "description", "x"),
                format, 400, "attribute[ukuran]: is required: Seberapa besar kerusakan jalan?");
        assertError(submit(format, "service_code", "JLN-RUSAK", "address_string", "Jl. A", "description", "x",
                "attribute[ukuran]", "raksasa"), format, 400, "attribute[ukuran]: 'raksasa' is not one of kecil, sedang, besar");
        assertNoReports();
    }

    @Test
    void everyInvalidFieldIsOneErrorOfTheList() throws Exception {
        Response response = submit(Open311Format.JSON, "service_code", "PJU-MATI", "lat", "95", "long", "200",
                "email", "x");
        assertEquals(400, response.getStatus());
        JsonNode errors = json(response);
        assertEquals(List.of("lat: must be between -90 and 90",
                        "long: must be between -180 and 180", "email: is not an e-mail address"),
                errors.findValuesAsText("description"));
        assertEquals(List.of(400, 400, 400), errors.findValues("code").stream().map(JsonNode::asInt).toList());
        Document xml = xml(submit(Open311Format.XML, "lat", "x", "long", "y"));
        assertEquals(3, nodes(xml, "/errors/error").getLength());
        assertEquals(List.of("code", "description"), childNames(nodes(xml, "/errors/error").item(0)));
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void theBodyIsReadAsAUtf8FormAndOtherBodiesAreRefused(Open311Format format) throws Exception {
        byte[] body = ("api_key=" + key + "&service_code=SAMPAH&address_string=Jl.+Kenari+No.%C2%A05"
                + "&description=Sampah+%26+bau+di+gang+%E2%80%94+sudah+seminggu&first_name=Budi&attribute%5Bx%5D=1")
                .getBytes(StandardCharsets.UTF_8);
        assertError(open311.submit(ext(format), "application/x-www-form-urlencoded; charset=utf-8", body, null, null),
                format, 400, "attribute[x]: is not a question of service SAMPAH");
        body = ("api_key=" + key + "&service_code=SAMPAH&address_string=Jl.+Kenari+No.%C2%A05"
                + "&description=Sampah+%26+bau+di+gang+%E2%80%94+sudah+seminggu").getBytes(StandardCharsets.UTF_8);
        Response saved = open311.submit(ext(format), "Application/X-WWW-Form-Urlencoded", body, null, null);
        assertEquals(200, saved.getStatus(), text(saved));
        Response withoutType = open311.submit(ext(format), null, body, null, null);
        assertEquals(200, withoutType.getStatus(), "no Content-Type: read as a form");
        ReportEntity stored = reports.search(id.gapura.complaints.internal.ReportQuery.all()).get(0);
        assertEquals("Sampah & bau di gang \u2014 sudah seminggu", stored.description());
        assertEquals("Jl. Kenari No.\u00a05", stored.address());

        assertError(open311.submit(ext(format), "application/json", "{}".getBytes(StandardCharsets.UTF_8), key, null),
                format, 400, "Send the request as application/x-www-form-urlencoded or multipart/form-data fields");
        assertError(open311.submit(ext(format), "application/x-www-form-urlencoded",
                ("api_key=" + key + "&description=%ZZ").getBytes(StandardCharsets.UTF_8), null, null), format, 400,
                "not valid URL encoding near 'description=%ZZ'");
        assertError(open311.submit("txt", "application/json", new byte[0], null, null), Open311Format.XML, 404,
                "Unknown format 'txt'");
    }

    @Test
    void otherMethodsAreRefusedInTheSpecsFormat() throws Exception {
        assertError(open311.delete("requests.json"), Open311Format.JSON, 400, "this method is not supported");
        assertError(open311.put("requests/ADU-2026-00000000.xml"), Open311Format.XML, 400, "GeoReport v2 reads with GET");
        assertError(open311.patch("services.xml"), Open311Format.XML, 400, "this method is not supported");
    }

    // --- GET requests/{id} and tokens/{token}

    @Test
    void aRequestAsJsonFollowsTheHandling() throws Exception {
        String id = submitted("SAMPAH");
        JsonNode request = json(open311.request(id, "json", null)).get(0);
        assertEquals(List.of("service_request_id", "status", "status_notes", "service_name", "service_code",
                "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"), fieldNames(request));
        assertEquals(id, request.get("service_request_id").asText());
        assertEquals("open", request.get("status").asText());
        assertTrue(request.get("status_notes").isNull());
        assertEquals("Sampah tidak terangkut", request.get("service_name").asText());
        assertEquals("SAMPAH", request.get("service_code").asText());
        assertEquals("Sampah menumpuk di TPS", request.get("description").asText());
        assertEquals("Dinas Lingkungan Hidup", request.get("agency_responsible").asText(), "the category's agency");
        assertEquals("Menunggu verifikasi koordinator pengaduan, paling lambat 26 November 2026 pukul 23.59 WIB.",
                request.get("service_notice").asText());
        assertEquals("2026-11-23T09:00:00+07:00", request.get("requested_datetime").asText());
        assertEquals("2026-11-23T09:00:00+07:00", request.get("updated_datetime").asText());
        assertTrue(request.get("expected_datetime").isNull());
        assertEquals("Jl. Kenari 5", request.get("address").asText());
        assertEquals("-6.1754", request.get("lat").asText());
        assertTrue(request.get("lat").isNumber());
        assertEquals("106.8272", request.get("long").asText());
        assertEquals("https://foto.example.id/2.jpg", request.get("media_url").asText());

        handling.act(id, coordinator, HandlingRequest.of(Action.VERIFY, null));
        db.clock.set(Instant.parse("2026-11-24T03:00:00Z"));
        handling.act(id, coordinator, new HandlingRequest(Action.DISPOSITION, null, "DPUPR", "Periksa", null, null, null));
        JsonNode dispositioned = json(open311.request(id, "json", null)).get(0);
        assertEquals("Dinas Pekerjaan Umum dan Penataan Ruang", dispositioned.get("agency_responsible").asText(),
                "the agency the report is dispositioned to");
        assertEquals("2026-12-01T23:59:59+07:00", dispositioned.get("expected_datetime").asText(),
                "the answer deadline: 5 working days for a simple category");
        assertEquals("2026-11-24T10:00:00+07:00", dispositioned.get("updated_datetime").asText());
        assertTrue(dispositioned.get("service_notice").asText().startsWith(
                "Diteruskan ke Dinas Pekerjaan Umum dan Penataan Ruang; jawaban paling lambat 1 Desember 2026"));

        Officer liaison = new Officer("budi", Set.of(Officer.LIAISON), Optional.of("DPUPR"));
        handling.act(id, liaison, HandlingRequest.of(Action.ANSWER, "Sampah sudah diangkut."));
        JsonNode answered = json(open311.request(id, "json", null)).get(0);
        assertEquals("open", answered.get("status").asText());
        assertEquals("Sampah sudah diangkut.", answered.get("status_notes").asText(), "the public answer");

        db.clock.set(Instant.parse("2026-11-25T03:00:00Z"));
        handling.act(id, coordinator, HandlingRequest.of(Action.CLOSE, null));
        JsonNode closed = json(open311.request(id, "json", null)).get(0);
        assertEquals("closed", closed.get("status").asText());
        assertEquals("2026-11-25T10:00:00+07:00", closed.get("updated_datetime").asText(), "when it was closed");
        assertEquals("Sampah sudah diangkut.", closed.get("status_notes").asText());
    }

    @Test
    void aRequestAsXml() throws Exception {
        String id = submitted("SAMPAH");
        Document xml = xml(open311.request(id, "xml", null));
        assertEquals("service_requests", xml.getDocumentElement().getNodeName());
        assertEquals(1, nodes(xml, "/service_requests/request").getLength());
        assertEquals(List.of("service_request_id", "status", "status_notes", "service_name", "service_code",
                        "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                        "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"),
                childNames(nodes(xml, "/service_requests/request").item(0)));
        String request = "/service_requests/request";
        assertEquals(id, value(xml, request + "/service_request_id"));
        assertEquals("open", value(xml, request + "/status"));
        assertEquals("", value(xml, request + "/status_notes"));
        assertEquals("2026-11-23T09:00:00+07:00", value(xml, request + "/requested_datetime"));
        assertEquals("-6.1754", value(xml, request + "/lat"));
        assertEquals("106.8272", value(xml, request + "/long"));
        assertEquals("Dinas Lingkungan Hidup", value(xml, request + "/agency_responsible"));
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void anUnknownRequestIsNotFound(Open311Format format) throws Exception {
        assertError(open311.request("ADU-2026-00000000", ext(format), null), format, 404,
                "service_request_id 'ADU-2026-00000000' was not found");
        assertError(open311.request("1234", ext(format), null), format, 404, "was not found");
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void aTokenIsTheServiceRequestId(Open311Format format) throws Exception {
        String id = submitted("SAMPAH");
        Response response = open311.token(id, ext(format), null);
        assertEquals(200, response.getStatus());
        if (format == Open311Format.JSON) {
            JsonNode pair = json(response).get(0);
            assertEquals(List.of("service_request_id", "token"), fieldNames(pair));
            assertEquals(id, pair.get("service_request_id").asText());
            assertEquals(id, pair.get("token").asText());
        } else {
            Document xml = xml(response);
            assertEquals(id, value(xml, "/service_requests/request/service_request_id"));
            assertEquals(id, value(xml, "/service_requests/request/token"));
        }
        assertError(open311.token("ADU-2026-ZZZZZZZZ", ext(format), null), format, 404,
                "token 'ADU-2026-ZZZZZZZZ' was not found");
    }

    // --- GET requests

    @Test
    void requestsFilterByIdsServiceStatusAndDates() throws Exception {
        db.clock.set(Instant.parse("2026-08-01T02:00:00Z"));
        String old = submitted("SAMPAH");
        db.clock.set(Instant.parse("2026-11-02T02:00:00Z"));
        String road = submitted("PJU-MATI");
        db.clock.set(Instant.parse("2026-11-20T02:00:00Z"));
        String closed = submitted("SAMPAH");
        handling.act(closed, coordinator, HandlingRequest.of(Action.ARCHIVE, "Laporan ganda"));
        db.clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        String latest = submitted("SAMPAH");

        assertEquals(List.of(latest, closed, road), ids(open311.requests("json", null, null, null, null, null, null)),
                "newest first, the last 90 days by default");
        assertEquals(List.of(latest, closed), ids(open311.requests("json", null, "SAMPAH", null, null, null, null)));
        assertEquals(List.of(latest, closed, road),
                ids(open311.requests("json", null, "SAMPAH, PJU-MATI", null, null, null, null)));
        assertEquals(List.of(latest, road), ids(open311.requests("json", null, null, null, null, "open", null)));
        assertEquals(List.of(closed), ids(open311.requests("json", null, null, null, null, "closed", null)));
        assertEquals(List.of(latest, closed, road),
                ids(open311.requests("json", null, null, null, null, "open,closed", null)));
        assertEquals(List.of(closed), ids(open311.requests("json", null, "SAMPAH", "2026-11-01T00:00:00+07:00",
                "2026-11-21T00:00:00+07:00", null, null)));
        assertEquals(List.of(road), ids(open311.requests("json", null, null, "2026-11-02T02:00:00Z",
                "2026-11-02T02:00:00Z", null, null)), "both ends are included");
        assertEquals(List.of(road), ids(open311.requests("json", null, null, "2026-11-02", "2026-11-02", null, null)),
                "a date is the whole day in the region's zone");
        assertEquals(List.of(latest, closed, road), ids(open311.requests("json", null, null,
                "2026-11-02T09:00:00 07:00", null, null, null)), "an unencoded + arrives as a space and is understood");
        assertEquals(List.of(old), ids(open311.requests("json", null, null, null, "2026-08-02T00:00:00Z", null, null)),
                "90 days before the end date");
        assertEquals(List.of(old), ids(open311.requests("json", null, null, "2026-07-30T00:00:00Z", null, null, null)),
                "90 days from the start date");
        assertEquals(List.of(latest, old), ids(open311.requests("json", old + "," + latest + ",ADU-2026-NOTHERE",
                "PJU-MATI", "2026-11-22", null, "closed", null)), "ids override every other filter");

        Document xml = xml(open311.requests("xml", null, "SAMPAH", null, null, "open", null));
        assertEquals("service_requests", xml.getDocumentElement().getNodeName());
        assertEquals(1, nodes(xml, "/service_requests/request").getLength());
        assertEquals(latest, value(xml, "/service_requests/request/service_request_id"));
        Document none = xml(open311.requests("xml", null, "BANJIR", null, null, null, null));
        assertEquals(0, nodes(none, "/service_requests/request").getLength());
        assertEquals("[]", text(open311.requests("json", null, "BANJIR", null, null, null, null)));
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void invalidFiltersAre400(Open311Format format) throws Exception {
        assertError(open311.requests(ext(format), null, null, "kemarin", null, null, null), format, 400,
                "start_date: 'kemarin' is not a W3C datetime");
        assertError(open311.requests(ext(format), null, null, null, "2026-13-01T00:00:00Z", null, null), format, 400,
                "end_date: '2026-13-01T00:00:00Z' is not a W3C datetime");
        assertError(open311.requests(ext(format), null, null, "2026-11-01T00:00:00", null, null, null), format, 400,
                "is not a W3C datetime with a zone");
        assertError(open311.requests(ext(format), null, null, "2026-11-10T00:00:00Z", "2026-11-01T00:00:00Z", null,
                null), format, 400, "start_date must be before end_date");
        assertError(open311.requests(ext(format), null, null, "2026-01-01T00:00:00Z", "2026-11-01T00:00:00Z", null,
                null), format, 400, "may not span more than 90 days");
        assertError(open311.requests(ext(format), null, null, null, null, "pending", null), format, 400,
                "status: 'pending' is not a status");
    }

    @Test
    void atMost1000RequestsAreAnswered() throws Exception {
        try (Connection connection = db.dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO complaints_report (tracking_number, service_code, report_class, status, description, "
                        + "address, anonymous, confidential, submitted_at, updated_at, verification_due, channel) "
                        + "VALUES (?, 'SAMPAH', 'PENGADUAN', 'SUBMITTED', 'Sampah', 'Jl. A', FALSE, FALSE, ?, ?, ?, 'open311')")) {
            Timestamp at = Timestamp.from(Instant.parse("2026-11-20T02:00:00Z"));
            for (int i = 0; i < 1005; i++) {
                insert.setString(1, String.format("ADU-2026-%08d", i));
                insert.setTimestamp(2, at);
                insert.setTimestamp(3, at);
                insert.setTimestamp(4, at);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(1000, json(open311.requests("json", null, null, null, null, null, null)).size());
        assertEquals(1000, nodes(xml(open311.requests("xml", null, null, null, null, null, null)),
                "/service_requests/request").getLength());
    }

    @Test
    void aControlCharacterInADescriptionDoesNotBreakTheXml() throws Exception {
        // submissions refuse control characters now; a row stored before that (or written by another tool) still
        // must not break the XML
        id.gapura.complaints.internal.ReportEntity saved = reports.submit(new id.gapura.complaints.internal.NewReport(
                "SAMPAH", null, "Sampah",
                new id.gapura.complaints.internal.NewReport.Location("Jl. A", null, null, null, null),
                new id.gapura.complaints.internal.NewReport.Reporter(null, null, null, null, null, false, false),
                null, null, "api"));
        try (Connection connection = db.dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE complaints_report SET description = ? WHERE tracking_number = ?")) {
            update.setString(1, "Sampah\u0001 di\u0000 gang \uD83D\uDE00");
            update.setString(2, saved.trackingNumber());
            update.executeUpdate();
        }
        Document xml = xml(open311.requests("xml", null, null, null, null, null, null));
        assertEquals("Sampah\uFFFD di\uFFFD gang \uD83D\uDE00", value(xml, "/service_requests/request/description"));
        assertEquals("Sampah\u0001 di\u0000 gang \uD83D\uDE00",
                json(open311.requests("json", null, null, null, null, null, null)).get(0).get("description").asText());
    }

    // --- no personal data on public reads

    @Test
    void noPublicReadShowsWhoReported() throws Exception {
        Response receipt = submit(Open311Format.JSON, "service_code", "SAMPAH", "lat", "-6.2", "long", "106.8",
                "description", "Sampah menumpuk", "first_name", NAME, "last_name", SURNAME, "email", EMAIL,
                "phone", PHONE, "device_id", DEVICE, "account_id", ACCOUNT);
        String id = json(receipt).get(0).get("service_request_id").asText();
        List<String> answers = new ArrayList<>();
        answers.add(text(receipt));
        for (Open311Format format : Open311Format.values()) {
            answers.add(text(open311.request(id, ext(format), null)));
            answers.add(text(open311.requests(ext(format), null, null, null, null, null, null)));
            answers.add(text(open311.requests(ext(format), id, null, null, null, null, null)));
            answers.add(text(open311.token(id, ext(format), null)));
        }
        for (String answer : answers) {
            assertTrue(answer.contains(id), answer);
            for (String personal : List.of(SURNAME, EMAIL, PHONE, DEVICE, ACCOUNT)) {
                assertFalse(answer.contains(personal), personal + " must not be shown: " + answer);
            }
        }
    }

    // --- formats, paths, jurisdiction, failures

    @Test
    void anUnknownFormatOrPathIsNotFoundInTheSpecsFormat() throws Exception {
        assertError(open311.services("html", null), Open311Format.XML, 404, "Unknown format 'html'");
        assertError(open311.request("ADU-2026-00000000", "csv", null), Open311Format.XML, 404, "Unknown format 'csv'");
        assertError(open311.submit("yaml", form(), null, null), Open311Format.XML, 404, "Unknown format 'yaml'");
        assertError(open311.unknown("services"), Open311Format.XML, 404, "There is no Open311 resource at /open311/v2/services");
        assertError(open311.unknown("discovery.json"), Open311Format.JSON, 404, "There is no Open311 resource");
        assertError(open311.unknownPost("services.json"), Open311Format.JSON, 404, "Nothing accepts POST at "
                + "/open311/v2/services.json: submit service requests to requests.xml or requests.json.");
        assertEquals(200, open311.services("JSON", null).getStatus(), "the extension in any letter case");
    }

    @Test
    void aConfiguredJurisdictionRefusesOthersOnEveryEndpoint() throws Exception {
        String id = submitted("SAMPAH");
        TestSettings.jurisdiction(db.settings, "tangerangkota.go.id");
        for (Open311Format format : Open311Format.values()) {
            String f = ext(format);
            for (Response response : List.of(open311.services(f, "karawangkab.go.id"),
                    open311.serviceDefinition("SAMPAH", f, "karawangkab.go.id"),
                    open311.requests(f, null, null, null, null, null, "karawangkab.go.id"),
                    open311.request(id, f, "karawangkab.go.id"),
                    open311.token(id, f, "karawangkab.go.id"),
                    open311.submit(f, form("api_key", key, "jurisdiction_id", "karawangkab.go.id",
                            "service_code", "SAMPAH", "address_string", "Jl. A", "description", "x"), null, null),
                    open311.submit(f, form("api_key", key, "service_code", "SAMPAH", "address_string", "Jl. A",
                            "description", "x"), null, "karawangkab.go.id"))) {
                assertError(response, format, 404, "jurisdiction_id 'karawangkab.go.id' was not found: this endpoint "
                        + "serves 'tangerangkota.go.id'.");
            }
            assertEquals(200, open311.services(f, "TangerangKota.go.id").getStatus());
            assertEquals(200, open311.services(f, null).getStatus(), "one jurisdiction: the id may be left out");
            assertEquals(200, open311.request(id, f, "tangerangkota.go.id").getStatus());
        }
        assertEquals(1, json(open311.requests("json", null, null, null, null, null, null)).size(), "nothing stored");

        TestSettings.jurisdiction(db.settings, "");
        assertEquals(200, open311.services("xml", "anything.go.id").getStatus(), "not configured: any is accepted");
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void aFailureOfTheServerIsAGeneralErrorWithoutInternals(Open311Format format) throws Exception {
        db.close();
        Response response = open311.services(ext(format), null);
        assertError(response, format, 400, "The service could not complete the request. Report reference ");
        String body = text(response);
        assertFalse(body.contains("Exception") || body.contains("at id.gapura") || body.contains("closed"), body);
        if (format == Open311Format.JSON) {
            assertEquals(500, json(response).get(0).get("code").asInt(), "the body's code says it is our fault");
        } else {
            assertEquals("500", value(xml(response), "/errors/error/code"));
        }
    }

    // --- interoperability with real clients

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void multipartBodiesAreReadAsForms(Open311Format format) throws Exception {
        String boundary = "----open311client7MA4YWxkTrZu0gW";
        String body = part(boundary, "api_key", key) + part(boundary, "service_code", "SAMPAH")
                + part(boundary, "address_string", "Jl. Kenari No.\u00a05")
                + part(boundary, "description", "Sampah & bau \u2014\r\nsudah seminggu")
                + part(boundary, "first_name", "Budi")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\r\n"
                + "--" + boundary + "--\r\n";
        Response saved = open311.submit(ext(format), "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(200, saved.getStatus(), text(saved));
        ReportEntity stored = reports.search(id.gapura.complaints.internal.ReportQuery.all()).get(0);
        assertEquals("Sampah & bau \u2014\r\nsudah seminggu", stored.description());
        assertEquals("Jl. Kenari No.\u00a05", stored.address());
        assertEquals("Budi", stored.reporterName());

        assertError(open311.submit(ext(format), "multipart/form-data", body.getBytes(StandardCharsets.UTF_8), key,
                null), format, 400, "boundary");
        assertError(open311.submit(ext(format), "multipart/form-data; boundary=" + boundary,
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nSAMPAH")
                        .getBytes(StandardCharsets.UTF_8), key, null), format, 400, "multipart");
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    @Test
    void theLiteralNullIsAnAbsentOptionalField() throws Exception {
        Response response = submit(Open311Format.JSON, "service_code", "SAMPAH", "address_string", "Jl. A",
                "description", "Sampah", "first_name", "Budi", "last_name", "null", "email", "null", "phone", "NULL",
                "media_url", "null", "lat", "null", "long", "null", "device_id", "null", "jurisdiction_id", "null");
        assertEquals(200, response.getStatus(), text(response));
        ReportEntity stored = reports.search(id.gapura.complaints.internal.ReportQuery.all()).get(0);
        assertEquals("Budi", stored.reporterName());
        assertEquals(null, stored.reporterEmail());
        assertEquals(null, stored.reporterPhone());
        assertEquals(null, stored.mediaUrl());
        assertEquals(null, stored.deviceId());
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void theApiKeyIsCheckedBeforeTheBody(Open311Format format) throws Exception {
        assertError(open311.submit(ext(format), "application/x-www-form-urlencoded",
                "api_key=tebakan&description=%ZZ".getBytes(StandardCharsets.UTF_8), null, null), format, 403,
                "Invalid api_key");
        assertError(open311.submit(ext(format), "application/json", "{\"api_key\":1}".getBytes(StandardCharsets.UTF_8),
                "tebakan", null), format, 403, "Invalid api_key");
        assertError(open311.submit(ext(format), "application/json", "{}".getBytes(StandardCharsets.UTF_8), null, null),
                format, 403, "api_key is missing");
        assertError(open311.submit(ext(format), "application/x-www-form-urlencoded",
                ("api_key=" + key + "&service_code=SAMPAH").getBytes(StandardCharsets.UTF_8), "tebakan", null),
                format, 403, "Invalid api_key");
        assertNoReports();
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void mediaUrlsAreWebAddressesOnly(Open311Format format) throws Exception {
        for (String url : new String[]{"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>",
                "ftp://foto.example.id/1.jpg", "//foto.example.id/1.jpg", "https://", "http://foto example/1.jpg",
                "https://foto.example.id/" + "a".repeat(1000)}) {
            assertError(submit(format, "service_code", "SAMPAH", "address_string", "Jl. A", "description", "x",
                    "media_url", url), format, 400, "media_url");
        }
        assertNoReports();
        Response saved = submit(format, "service_code", "SAMPAH", "address_string", "Jl. A", "description", "x",
                "media_url", "HTTP://foto.example.id/1.jpg?ukuran=besar");
        assertEquals(200, saved.getStatus(), text(saved));
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void fieldsLongerThanTheDatabaseHoldsAre400NamingTheField(Open311Format format) throws Exception {
        String[] valid = {"service_code", "SAMPAH", "lat", "-6.1754", "long", "106.8272"};
        String[][] cases = {
                {"address_string", "a".repeat(501), "500"},
                {"first_name", "B".repeat(201), "200"},
                {"last_name", "S".repeat(201), "200"},
                {"email", "b".repeat(250) + "@example.id", "254"},
                {"phone", "0".repeat(33), "32"},
                {"address_id", "A".repeat(101), "100"},
                {"zipcode", "1".repeat(11), "10"},
                {"device_id", "d".repeat(201), "200"},
                {"account_id", "a".repeat(201), "200"},
                {"media_url", "https://foto.example.id/" + "a".repeat(1000), "1000"},
                {"description", "d".repeat(4001), "4000"},
        };
        for (String[] field : cases) {
            String[] given = {field[0], field[1]};
            Response response = submit(format, field[0].equals("description") ? append(valid, given)
                    : append(append(valid, "description", "x"), given));
            assertError(response, format, 400, field[0] + ": is longer than " + field[2] + " characters");
            assertFalse(text(response).contains("<code>500") || text(response).contains("\"code\":500"),
                    field[0] + ": " + text(response));
        }
        assertError(submit(format, append(append(valid, "description", "x"), "first_name", "B".repeat(150),
                "last_name", "S".repeat(150))), format, 400, "first_name, last_name: are together longer than 200");
        assertNoReports();
    }

    /**
     * What the platform refuses (its 422, in its own field names) is a 400 naming the Open311 parameter the
     * client sent: for a value too long for its column, and for the one location error.
     */
    @Test
    void thePlatformsFieldErrorsNameTheOpen311Parameters() {
        String[][] cases = {
                {"address", "address_string", "500"},
                {"addressId", "address_id", "100"},
                {"zipcode", "zipcode", "10"},
                {"email", "email", "254"},
                {"phone", "phone", "32"},
                {"deviceId", "device_id", "200"},
                {"accountId", "account_id", "200"},
                {"mediaUrl", "media_url", "1000"},
                // reporter_name is first_name and last_name joined: the platform cannot say which was too long
                {"name", "first_name, last_name", "200"},
                {"description", "description", "4000"},
        };
        for (String[] field : cases) {
            String message = "must be at most " + field[2] + " characters";
            Open311Exception refusal = Open311Resource.fromProblem(
                    ProblemException.invalid(List.of(new FieldError(field[0], message))));
            assertEquals(400, refusal.status(), field[0]);
            assertEquals(List.of(new GeoReport.Error(400, field[1] + ": " + message)), refusal.errors(), field[0]);
        }
        Open311Exception noLocation = Open311Resource.fromProblem(ProblemException.invalid(List.of(
                new FieldError("address", "give an address, or latitude and longitude"))));
        assertEquals(List.of(new GeoReport.Error(400, "location: give lat and long, address_string or address_id")),
                noLocation.errors());
    }

    /** A value the platform refuses after the Open311 checks (a control character) names the Open311 parameter. */
    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void aValueThePlatformRefusesNamesTheOpen311Parameter(Open311Format format) throws Exception {
        String[] valid = {"service_code", "SAMPAH", "lat", "-6.1754", "long", "106.8272", "description", "x"};
        String[][] cases = {
                {"address_string", "address_string"},
                {"address_id", "address_id"},
                {"zipcode", "zipcode"},
                {"phone", "phone"},
                {"device_id", "device_id"},
                {"account_id", "account_id"},
                {"first_name", "first_name, last_name"},
                {"last_name", "first_name, last_name"},
        };
        for (String[] field : cases) {
            Response response = submit(format, append(valid, field[0], "1\u00072"));
            assertError(response, format, 400, field[1] + ": must not contain the control character U+0007");
        }
        assertNoReports();
    }

    @ParameterizedTest
    @EnumSource(Open311Format.class)
    void serviceDiscovery(Open311Format format) throws Exception {
        Response response = open311.discovery(ext(format),
                java.net.URI.create("https://pengaduan.example.id/open311/v2/discovery." + ext(format)));
        assertEquals(200, response.getStatus(), text(response));
        assertEquals(format.contentType(), response.getHeaderString("Content-Type"));
        if (format == Open311Format.JSON) {
            JsonNode discovery = json(response);
            assertEquals(List.of("changeset", "contact", "key_service", "endpoints"), fieldNames(discovery));
            JsonNode endpoint = discovery.get("endpoints").get(0);
            assertEquals(List.of("specification", "url", "changeset", "type", "formats"), fieldNames(endpoint));
            assertEquals("http://wiki.open311.org/GeoReport_v2", endpoint.get("specification").asText());
            assertEquals("https://pengaduan.example.id/open311/v2", endpoint.get("url").asText());
            assertEquals("production", endpoint.get("type").asText());
            assertEquals("text/xml", endpoint.get("formats").get(0).asText());
            assertEquals("application/json", endpoint.get("formats").get(1).asText());
        } else {
            Document xml = xml(response);
            assertEquals("discovery", xml.getDocumentElement().getNodeName());
            assertEquals("http://wiki.open311.org/GeoReport_v2",
                    value(xml, "/discovery/endpoints/endpoint/specification"));
            assertEquals("https://pengaduan.example.id/open311/v2", value(xml, "/discovery/endpoints/endpoint/url"));
            assertEquals(2, nodes(xml, "/discovery/endpoints/endpoint/formats/format").getLength());
            assertEquals("application/json", value(xml, "/discovery/endpoints/endpoint/formats/format[2]"));
            assertNotNull(value(xml, "/discovery/changeset"));
        }
    }

    // --- helpers

    private Response submit(Open311Format format, String... fields) {
        return open311.submit(ext(format), form(append(fields, "api_key", key)), null, null);
    }

    private String submitted(String service) throws Exception {
        String[] fields = {"service_code", service, "lat", "-6.1754", "long", "106.8272",
                "address_string", "Jl. Kenari 5", "description", "Sampah menumpuk di TPS",
                "media_url", "https://foto.example.id/2.jpg"};
        Response response = submit(Open311Format.JSON, service.equals("PJU-MATI")
                ? append(fields, "attribute[nomor_tiang]", "T-12") : fields);
        assertEquals(200, response.getStatus(), text(response));
        return json(response).get(0).get("service_request_id").asText();
    }

    private void assertNoReports() throws Exception {
        assertEquals(0, json(open311.requests("json", null, null, null, null, null, null)).size());
    }

    private void assertError(Response response, Open311Format format, int status, String descriptionPart)
            throws Exception {
        String body = text(response);
        assertEquals(status, response.getStatus(), body);
        assertEquals(format.contentType(), response.getHeaderString("Content-Type"), body);
        List<String> descriptions = new ArrayList<>();
        if (format == Open311Format.JSON) {
            JsonNode errors = json(response);
            assertTrue(errors.isArray() && errors.size() > 0, body);
            for (JsonNode error : errors) {
                assertEquals(List.of("code", "description"), fieldNames(error));
                descriptions.add(error.get("description").asText());
            }
        } else {
            Document xml = xml(response);
            assertEquals("errors", xml.getDocumentElement().getNodeName(), body);
            NodeList errors = nodes(xml, "/errors/error");
            assertTrue(errors.getLength() > 0, body);
            for (int i = 0; i < errors.getLength(); i++) {
                assertEquals(List.of("code", "description"), childNames(errors.item(i)));
                assertNotNull(value(xml, "/errors/error[" + (i + 1) + "]/code"));
                descriptions.add(value(xml, "/errors/error[" + (i + 1) + "]/description"));
            }
        }
        assertTrue(descriptions.stream().anyMatch(d -> d.contains(descriptionPart)),
                "expected an error containing \"" + descriptionPart + "\" in " + descriptions);
    }

    private static String ext(Open311Format format) {
        return format.extension();
    }

    private static String[] append(String[] fields, String... more) {
        String[] all = new String[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }

    private static MultivaluedMap<String, String> form(String... fields) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return form;
    }

    private static String text(Response response) {
        return new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
    }

    private JsonNode json(Response response) throws Exception {
        return json.readTree((byte[]) response.getEntity());
    }

    private List<String> ids(Response response) throws Exception {
        assertEquals(200, response.getStatus(), text(response));
        return json(response).findValuesAsText("service_request_id");
    }

    private static JsonNode find(JsonNode services, String code) {
        for (JsonNode service : services) {
            if (service.get("service_code").asText().equals(code)) {
                return service;
            }
        }
        throw new AssertionError("no service " + code + " in " + services);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Document xml(Response response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream((byte[]) response.getEntity()));
    }

    private static NodeList nodes(Document xml, String path) throws XPathExpressionException {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
    }

    private static String value(Document xml, String path) throws XPathExpressionException {
        NodeList found = nodes(xml, path);
        assertEquals(1, found.getLength(), "one element at " + path);
        return found.item(0).getTextContent();
    }

    private static List<String> childNames(Node element) {
        List<String> names = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                names.add(child.getNodeName());
            }
        }
        return names;
    }
}
