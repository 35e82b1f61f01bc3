package id.gapura.web.internal;

import org.junit.jupiter.api.Test;

import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityHeadersTest {

    private final SecurityHeaders filter = new SecurityHeaders();

    private FakeHttp.Response call(Map<String, String> headers, FilterChain chain) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(FakeHttp.request("GET", "/api/complaints/reports", null, headers), response.servlet(), chain);
        return response;
    }

    @Test
    void everyAnswerForbidsFramingSniffingInlineScriptAndReferrers() throws Exception {
        FakeHttp.Response response = call(Map.of(), (request, answer) -> ((HttpServletResponse) answer).setStatus(404));
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy.contains("default-src 'self'"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertNull(response.header("Cache-Control"), "an anonymous, public answer may be cached");
    }

    @Test
    void answersToACallerWithCredentialsAreNeverStored() throws Exception {
        FakeHttp.Response response = call(Map.of("Authorization", "Basic YWRtaW46YWRtaW4="), (request, answer) -> {
            // a resource that thinks its answer may be cached does not win over the caller's privacy
            ((HttpServletResponse) answer).setHeader("Cache-Control", "public, max-age=3600");
            ((HttpServletResponse) answer).addHeader("cache-control", "max-age=60");
        });
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("DENY", response.header("X-Frame-Options"));
    }

    @Test
    void aResourceMayStillSetItsOwnCachingForPublicAnswers() throws Exception {
        FakeHttp.Response response = call(Map.of(), (request, answer) ->
                ((HttpServletResponse) answer).setHeader("Cache-Control", "max-age=60"));
        assertEquals("max-age=60", response.header("Cache-Control"));
    }
}
