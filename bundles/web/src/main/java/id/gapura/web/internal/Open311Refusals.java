package id.gapura.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Under {@code /open311/} errors are in Open311's format ({@code <errors><error><code/><description/>}, or its JSON
 * array, by the path's extension), as the specification prescribes; the platform's own refusals there (401 of
 * wrong credentials, 413, 429, credentials in the URL, no such path) are turned into it, with their status and
 * headers. The module answers everything else there in that format itself.
 */
@Component(service = ContainerResponseFilter.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(ExtensionProperties.GAPURA_APPLICATIONS)
public class Open311Refusals implements ContainerResponseFilter {

    static final String PREFIX = "/open311/";
    static final MediaType XML = MediaType.valueOf("text/xml; charset=utf-8");
    static final MediaType JSON = MediaType.valueOf("application/json; charset=utf-8");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        String path = OptionsAnswer.paths(request.getUriInfo()).stream().filter(Open311Refusals::isOpen311)
                .findFirst().orElse(null);
        if (path == null) {
            return;
        }
        boolean json = path.toLowerCase(Locale.ROOT).endsWith(".json");
        String description = problem.detail() != null ? problem.detail() : problem.title();
        response.setEntity(json ? json(problem.status(), description) : xml(problem.status(), description),
                new Annotation[0], json ? JSON : XML);
    }

    static boolean isOpen311(String path) {
        return path != null && (path.replaceAll("/{2,}", "/") + "/").startsWith(PREFIX);
    }

    static boolean isOpen311(UriInfo uri) {
        return OptionsAnswer.paths(uri).stream().anyMatch(Open311Refusals::isOpen311);
    }

    static byte[] json(int status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        try {
            return JsonProvider.objectMapper().writeValueAsBytes(List.of(error));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xml(int status, String description) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>" + status + "</code><description>"
                + escape(description) + "</description></error></errors>").getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    escaped.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return escaped.toString();
    }
}
