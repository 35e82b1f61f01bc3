package id.gapura.web.jetty;

import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real Jetty with the handler as its server's error handler, driven with raw requests as a client would send them. */
class ProblemErrorHandlerTest {

    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);

    @BeforeEach
    void start() throws Exception {
        server.addConnector(connector);
        server.setErrorHandler(new ProblemErrorHandler());
        server.setHandler(new ContextHandler("/api"));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void malformedPathsAreProblemsWithoutHtml() throws Exception {
        for (String path : new String[]{"/api/%00", "/../etc", "/api/../../etc", "/api/%2e%2e/%2e%2e/etc", "/api/x%"}) {
            String answer = connector.getResponse("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), path + ": " + answer);
            assertProblem(answer, 400);
        }
    }

    @Test
    void malformedHeadersAreProblems() throws Exception {
        String answer = connector.getResponse("GET /api/x HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertProblem(answer, 400);
    }

    @Test
    void pathsNoContextServesAreProblems() throws Exception {
        String answer = connector.getResponse("GET /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 404 "), answer);
        assertProblem(answer, 404);
    }

    private static void assertProblem(String answer, int status) {
        assertTrue(answer.contains("Content-Type: application/problem+json"), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertTrue(body.startsWith("{") && body.contains("\"status\":" + status), answer);
        assertFalse(body.contains("<"), answer);
        assertFalse(body.toLowerCase().contains("jetty"), answer);
    }
}
