package id.gapura.web.internal;

import org.junit.jupiter.api.Test;

import javax.servlet.ServletException;
import javax.servlet.UnavailableException;
import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServletFailureFilterTest {

    private final ServletFailureFilter filter = new ServletFailureFilter();

    private FakeHttp.Response fail(String uri, Exception failure) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(FakeHttp.request("POST", uri, null, Map.of()), response.servlet(), (request, answer) -> {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) failure;
        });
        return response;
    }

    @Test
    void whatFailsBeforeTheApplicationIsAProblemThatNamesNothing() throws Exception {
        for (Exception failure : new Exception[]{new ServletException(new IOException("Invalid character set x in request.")),
                new IOException("boom"), new IllegalStateException("state")}) {
            FakeHttp.Response response = fail("/api/complaints/reports", failure);
            assertEquals(500, response.status);
            assertEquals(Problem.MEDIA_TYPE, response.contentType);
            assertTrue(response.text().contains("\"status\":500"), response.text());
            assertFalse(response.text().contains("Exception") || response.text().contains("character set")
                    || response.text().contains("boom") || response.text().contains("state\""), response.text());
        }
    }

    @Test
    void underOpen311ItIsAnOpen311Error() throws Exception {
        FakeHttp.Response response = fail("/open311/v2/requests.json", new ServletException("x"));
        assertEquals(500, response.status);
        assertTrue(response.text().startsWith("[{\"code\":500"), response.text());
    }

    @Test
    void aContextBeingRebuiltIsLeftToJetty() {
        assertThrows(UnavailableException.class, () -> fail("/api/health", new UnavailableException("rebuilding")));
        assertThrows(ServletException.class, () -> fail("/api/health", new ServletException(new UnavailableException("rebuilding"))));
    }
}
