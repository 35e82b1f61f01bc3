package id.gapura.web.internal;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestCharsetFilterTest {

    private final RequestCharsetFilter filter = new RequestCharsetFilter();

    private FakeHttp.Response call(String uri, String contentType, AtomicBoolean passed) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(FakeHttp.request("POST", uri, null, contentType == null ? Map.of() : Map.of("content-type", contentType)),
                response.servlet(), (request, answer) -> passed.set(true));
        return response;
    }

    @Test
    void anUnknownCharsetIsA415ProblemBeforeCxf() throws Exception {
        for (String type : new String[]{"application/json; charset=x-unknown", "text/plain;charset=\"bogus\"",
                "application/json; charset=", "application/json; charset=utf 8", "text/csv; charset=" + "x".repeat(5000)}) {
            AtomicBoolean passed = new AtomicBoolean();
            FakeHttp.Response response = call("/api/complaints/reports", type, passed);
            assertFalse(passed.get(), type + " reached CXF");
            assertEquals(415, response.status, type);
            assertEquals(Problem.MEDIA_TYPE, response.contentType, type);
            assertTrue(response.text().length() < 400, "the charset is not echoed unbounded: " + response.text());
        }
    }

    @Test
    void underOpen311TheRefusalIsAnOpen311Error() throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        FakeHttp.Response response = call("/open311/v2/requests.json", "application/x-www-form-urlencoded; charset=nope", passed);
        assertFalse(passed.get());
        assertEquals(415, response.status);
        assertTrue(response.text().startsWith("[{\"code\":415"), response.text());
    }

    @Test
    void knownCharsetsAndNoneAtAllPass() throws Exception {
        for (String type : new String[]{null, "application/json", "application/json; charset=UTF-8",
                "application/x-www-form-urlencoded; charset=\"iso-8859-1\"", "multipart/form-data; boundary=x"}) {
            AtomicBoolean passed = new AtomicBoolean();
            call("/api/complaints/reports", type, passed);
            assertTrue(passed.get(), String.valueOf(type));
        }
    }
}
