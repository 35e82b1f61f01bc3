package id.gapura.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform's own refusals (401, 413, 429, credentials in the URL) on Open311 paths, in Open311's format. */
class Open311RefusalsTest {

    private record Written(Object entity, MediaType type) {
    }

    private Written filter(String path, Response answer) {
        UriInfo uri = FakeHttp.uriInfo(path);
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{ContainerRequestContext.class},
                (p, m, a) -> m.getName().equals("getUriInfo") ? uri : null);
        AtomicReference<Written> written = new AtomicReference<>();
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{ContainerResponseContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getEntity" -> answer.getEntity();
                    case "getStatus" -> answer.getStatus();
                    case "getMediaType" -> answer.getMediaType();
                    case "setEntity" -> {
                        written.set(new Written(a[0], (MediaType) a[2]));
                        yield null;
                    }
                    default -> null;
                });
        new Open311Refusals().filter(request, response);
        return written.get();
    }

    @Test
    void refusalsOnOpen311PathsAreOpen311Errors() throws Exception {
        Written xml = filter("/open311/v2/requests.xml", AccessFilter.credentialsInUrl(Set.of("access_token")));
        assertEquals(MediaType.valueOf("text/xml; charset=utf-8"), xml.type());
        String text = new String((byte[]) xml.entity(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>400</code>"
                + "<description>Query parameter 'access_token' is refused"), text);

        Written json = filter("/open311/v2/requests.json",
                Problem.of(413, "Request too large", "The request body is larger than <1> & \"2\".").toResponse());
        assertEquals(MediaType.valueOf("application/json; charset=utf-8"), json.type());
        JsonNode errors = JsonProvider.objectMapper().readTree((byte[]) json.entity());
        assertEquals(413, errors.get(0).get("code").asInt());
        assertEquals("The request body is larger than <1> & \"2\".", errors.get(0).get("description").asText());

        Written escaped = filter("/open311/v2/services.xml",
                Problem.of(401, "Unauthorized", "a <b> & \u0000c").toResponse());
        String body = new String((byte[]) escaped.entity(), StandardCharsets.UTF_8);
        assertTrue(body.contains("<code>401</code><description>a &lt;b&gt; &amp; \uFFFDc</description>"), body);
    }

    @Test
    void otherPathsKeepProblemJson() {
        assertNull(filter("/api/complaints/reports", Problem.of(401, "Unauthorized", "x").toResponse()));
        assertNull(filter("/open311/v2/services.xml", Response.ok("<services/>").build()));
    }
}
