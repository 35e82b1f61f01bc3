package id.gapura.web.internal;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceDescriptionFilterTest {

    private final ServiceDescriptionFilter filter = new ServiceDescriptionFilter();

    private FakeHttp.Response call(String method, String query, AtomicBoolean passed) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(FakeHttp.request(method, "/api/complaints/reports", query, Map.of()), response.servlet(),
                (request, answer) -> passed.set(true));
        return response;
    }

    @Test
    void cxfsWadlIsNotThereForAnyone() throws Exception {
        for (String query : new String[]{"_wadl", "_wadl&_type=json", "a=1&_wadl=", "%5Fwadl", "_schema=x.xsd",
                "_WADL"}) {
            AtomicBoolean passed = new AtomicBoolean();
            FakeHttp.Response response = call("GET", query, passed);
            assertFalse(passed.get(), query + " reached CXF");
            assertEquals(404, response.status, query);
            assertEquals("application/problem+json", response.contentType, query);
            assertTrue(response.text().contains("\"status\":404"), response.text());
            assertTrue(response.text().contains("/api/openapi.json"), response.text());
        }
    }

    @Test
    void underOpen311TheRefusalIsAnOpen311Error() throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(FakeHttp.request("GET", "/open311/v2/services.xml", "_wadl", Map.of()), response.servlet(),
                (request, answer) -> passed.set(true));
        assertFalse(passed.get());
        assertEquals(404, response.status);
        assertTrue(response.text().contains("<errors><error><code>404</code>"), response.text());
    }

    @Test
    void otherRequestsPass() throws Exception {
        for (String query : new String[]{null, "", "limit=10", "wadl=1", "x=_wadl", "%zz=1"}) {
            AtomicBoolean passed = new AtomicBoolean();
            call("GET", query, passed);
            assertTrue(passed.get(), String.valueOf(query));
        }
    }
}
