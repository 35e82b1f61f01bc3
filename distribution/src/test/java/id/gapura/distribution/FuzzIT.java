package id.gapura.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad-input sweep driven by {@code /api/openapi.json}, on the assembled distribution with every module installed:
 * every operation gets the cases of {@link FuzzCases} as a caller holding every role, the public ones also anonymously, and
 * every one a few as an anonymous and a low-role caller. No answer may be a 5xx, take longer than the bound
 * ({@code gapura.fuzz.maxMillis}, 1000 ms by default), show a stack trace, or be a large error
 * body; every 4xx under {@code /api/} is problem+json. Then raw requests Jetty refuses before any servlet runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT {

    static final String ADMIN = "karaf";
    static final String ADMIN_PASSWORD = "karaf";
    static final String VIEWER = "fuzz-viewer";
    static final String VIEWER_PASSWORD = "fuzz-viewer-pw";
    static final String EVERY_ROLE = "fuzz-authorised";
    static final String EVERY_ROLE_PASSWORD = "fuzz-authorised-pw";
    static final int ERROR_BODY_LIMIT = 16 * 1024;
    static final List<String> STACK_TRACE_MARKS = List.of("at java.", "Exception:", "at org.", "at id.gapura.", "\tat ");

    private final ObjectMapper json = new ObjectMapper();
    private final long maxMillis = Long.getLong("gapura.fuzz.maxMillis", 1000);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private GapuraInstance gapura;

    @BeforeAll
    void boot() throws Exception {
        gapura = new GapuraInstance();
        gapura.start();
        GapuraInstance.Shell users = gapura.console("user:add --role viewer " + VIEWER + " " + VIEWER_PASSWORD);
        assertEquals(0, users.exitStatus(), users.output());
        for (String module : List.of("complaints", "permits", "budgeting", "sakip")) {
            GapuraInstance.Shell install = gapura.console("module:install --force " + module);
            assertTrue(install.exitStatus() == 0 || install.output().contains("is already installed"), install.output());
        }
        await("every module is described").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> {
                    String document = gapura.get("/api/openapi.json").body();
                    return List.of("/api/complaints/", "/api/permits/", "/api/budgeting/", "/api/sakip/", "/open311/v2/")
                            .stream().allMatch(document::contains);
                });
    }

    @AfterAll
    void shutdown() throws Exception {
        gapura.close();
    }

    private record Caller(String name, String user, String password) {
    }

    private record Outcome(FuzzCases.Case request, Caller caller, int status, long millis) {
    }

    @Test
    void noOperationAnswersABadInputWithA5xxAStackTraceOrSlowly() throws Exception {
        OpenAPI api = OpenApiIT.parse(gapura.get("/api/openapi.json").body());
        Caller admin = authorisedForEverything(api);
        createSomethingOfEachModule(admin);
        FuzzCases generator = new FuzzCases(api, seeds(api));
        Caller viewer = new Caller("viewer", VIEWER, VIEWER_PASSWORD);
        Caller anonymous = new Caller("anonymous", null, null);

        List<String> failures = new ArrayList<>();
        List<String> log = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Outcome slowest = null;
        int sent = 0;
        int operations = 0;
        long started = System.nanoTime();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                boolean isPublic = operation.getValue().getSecurity() != null && operation.getValue().getSecurity().isEmpty();
                List<FuzzCases.Case> cases = generator.of(path.getKey(), operation.getKey(), operation.getValue());
                for (int i = 0; i < cases.size(); i++) {
                    List<Caller> callers = new ArrayList<>(List.of(admin));
                    if (isPublic || i < 3) {
                        callers.add(anonymous);
                    }
                    if (i < 3) {
                        callers.add(viewer);
                    }
                    for (Caller caller : callers) {
                        Outcome outcome = send(cases.get(i), caller, failures);
                        log.add(String.join("\t", outcome.request().method(), outcome.request().template(),
                                outcome.request().description(), caller.name(), String.valueOf(outcome.status()),
                                String.valueOf(outcome.millis())));
                        sent++;
                        statuses.merge(String.valueOf(outcome.status()), 1, Integer::sum);
                        if (slowest == null || outcome.millis() > slowest.millis()) {
                            slowest = outcome;
                        }
                    }
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("[figures] fuzz: %d requests to %d operations in %d s; answers %s; slowest %d ms: %s as %s -> %d%n",
                sent, operations, seconds, statuses, slowest.millis(), slowest.request(), slowest.caller().name(), slowest.status());
        failures.stream().limit(200).forEach(failure -> System.out.println("[fuzz] " + failure));
        // every request and its answer, for the CI artefacts: the cases are deterministic, this shows what each got
        Path outcomes = Path.of(System.getProperty("gapura.fuzz.report", "target/fuzz-outcomes.tsv"));
        Files.createDirectories(outcomes.toAbsolutePath().getParent());
        Files.write(outcomes, log, StandardCharsets.UTF_8);
        assertTrue(operations > 80, "the document describes every module: " + operations + " operations");
        assertEquals(List.of(), failures.stream().limit(50).toList(), failures.size() + " failures");
    }

    /** A user holding every role any operation names, so that bad inputs reach past the access check everywhere. */
    private Caller authorisedForEverything(OpenAPI api) throws Exception {
        Set<String> roles = new TreeSet<>(List.of("admin"));
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            Object named = operation.getExtensions() == null ? null : operation.getExtensions().get("x-gapura-roles");
            if (named instanceof List<?> list) {
                list.stream().map(String::valueOf).filter(role -> !role.equals("**")).forEach(roles::add);
            }
        }));
        String options = roles.stream().map(role -> "--role " + role).collect(Collectors.joining(" "));
        GapuraInstance.Shell added = gapura.console("user:add " + options + " " + EVERY_ROLE + " " + EVERY_ROLE_PASSWORD);
        assertEquals(0, added.exitStatus(), added.output());
        System.out.println("[figures] fuzz: the authorised caller holds " + roles);
        return new Caller("authorised", EVERY_ROLE, EVERY_ROLE_PASSWORD);
    }

    /** A budget year, a complaint and a strategic plan, so that operations on one have something to work on. */
    private void createSomethingOfEachModule(Caller caller) throws Exception {
        HttpResponse<String> year = gapura.send("POST", "/api/budgeting/years", "{\"year\":2027}", caller.user(), caller.password());
        assertEquals(201, year.statusCode(), year.body());
        HttpResponse<String> complaint = gapura.send("POST", "/api/complaints/reports", """
                {"serviceCode":"PELAYANAN","description":"Petugas loket meminta uang tambahan","address":"Kantor Kecamatan",
                 "name":"Rudi Hartono","phone":"081311112222"}""", null, null);
        assertEquals(201, complaint.statusCode(), complaint.body());
    }

    /**
     * Ids, codes and years that exist: for {@code /api/permits/types/{code}}, the first {@code code} in the answer to
     * {@code GET /api/permits/types} (as the administrator), else the first of that name in any such answer.
     */
    private FuzzCases.Seeds seeds(OpenAPI api) throws Exception {
        Map<String, Map<String, String>> byCollection = new TreeMap<>();
        Map<String, String> anywhere = new TreeMap<>();
        for (String path : api.getPaths().keySet()) {
            if (api.getPaths().get(path).getGet() == null || path.contains("{") || path.equals("/api/openapi.json")
                    || path.startsWith("/api/security/") || path.equals("/api/audit")) {
                continue;
            }
            HttpResponse<String> answer = gapura.get(path, EVERY_ROLE, EVERY_ROLE_PASSWORD);
            if (answer.statusCode() == 200 && answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
                try {
                    Map<String, String> found = new TreeMap<>();
                    FuzzCases.collectSeeds(json.readTree(answer.body()), found);
                    byCollection.put(path, found);
                    found.forEach(anywhere::putIfAbsent);
                } catch (IOException e) {
                    // not JSON after all: no seeds from it
                }
            }
        }
        return (template, parameter) -> {
            int at = template.indexOf("/{" + parameter + "}");
            Map<String, String> collection = at < 0 ? null : byCollection.get(template.substring(0, at));
            for (String name : List.of(parameter, parameter + "Code", "code")) {
                String value = collection == null ? null : collection.get(name);
                if (value != null) {
                    return value;
                }
            }
            return anywhere.getOrDefault(parameter, anywhere.get(parameter + "Code"));
        };
    }

    private Outcome send(FuzzCases.Case request, Caller caller, List<String> failures) throws InterruptedException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create("http://localhost:" + gapura.httpPort + request.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body()));
        } catch (IllegalArgumentException e) {
            return new Outcome(request, caller, 0, 0); // not a URI a client can send: the raw test covers those
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (caller.user() != null) {
            builder.header("Authorization", GapuraInstance.basic(caller.user(), caller.password()));
        }
        long started = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            failures.add(request + " as " + caller.name() + ": no answer (" + e + ")");
            return new Outcome(request, caller, 0, Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int status = answer.statusCode();
        String body = answer.body();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String who = request + " as " + caller.name() + " -> " + status;
        if (status >= 500) {
            failures.add(who + ": a 5xx: " + FuzzCases.abbreviate(body.length() > 300 ? body.substring(0, 300) : body));
        }
        if (status >= 400 && status < 500 && request.path().startsWith("/api/") && !type.startsWith("application/problem+json")) {
            failures.add(who + ": not problem+json but '" + type + "'");
        }
        STACK_TRACE_MARKS.stream().filter(body::contains).findFirst()
                .ifPresent(mark -> failures.add(who + ": the body shows a stack trace ('" + mark + "')"));
        if (status >= 400 && body.length() > ERROR_BODY_LIMIT) {
            failures.add(who + ": an error body of " + body.length() + " characters");
        }
        if (millis > maxMillis) {
            failures.add(who + ": took " + millis + " ms");
        }
        return new Outcome(request, caller, status, millis);
    }

    /** Requests a client library would refuse or normalise, sent as bytes: Jetty answers them before any servlet. */
    @Test
    void requestsJettyRefusesItselfAreProblemsWithoutServerDetails() throws Exception {
        for (String target : List.of("/api/%00", "/api/complaints/reports/%00", "/../etc/passwd", "/api/../../etc",
                "/api/%2e%2e/%2e%2e/etc", "/api/x%", "/api/" + "x".repeat(20_000))) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertJettyProblem(target, answer);
        }
        assertJettyProblem("a bad Content-Length", raw("POST /api/complaints/reports HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: abc\r\nConnection: close\r\n\r\n"));

        // '..' inside the root is resolved (RFC 3986), and the platform answers the path it leads to
        String resolved = raw("GET /api/complaints/../nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(resolved.startsWith("HTTP/1.1 404 "), resolved);
        assertTrue(headers(resolved).contains("content-type: application/problem+json"), resolved);
    }

    private static void assertJettyProblem(String request, String answer) {
        String status = answer.lines().findFirst().orElse("");
        assertTrue(status.matches("HTTP/1\\.1 4\\d\\d .*"), request + ": " + answer);
        assertTrue(headers(answer).contains("content-type: application/problem+json"), request + ": " + answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertTrue(body.startsWith("{\"type\":\"about:blank\""), request + ": " + body);
        assertFalse(body.contains("<") || body.toLowerCase().contains("jetty") || body.contains("Bad Message"),
                request + ": " + body);
        assertFalse(headers(answer).contains("server: jetty"), request + ": " + answer);
    }

    private static String headers(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return (end < 0 ? answer : answer.substring(0, end)).toLowerCase();
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", gapura.httpPort)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
