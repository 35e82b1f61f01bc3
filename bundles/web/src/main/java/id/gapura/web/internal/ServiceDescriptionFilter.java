package id.gapura.web.internal;


import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * No WADL: CXF answers {@code ?_wadl} (and {@code ?_schema}) on every path with the description of every resource,
 * the administrators' included, to anyone. Its generator runs before every JAX-RS filter of an application (CXF puts
 * it first), so it is refused here, before CXF: 404 problem+json. The OpenAPI description at
 * {@code /api/openapi.json} is the API's description; under {@code /open311/} the refusal is an Open311 error. Only
 * the query string is read, never a form body.
 */
public class ServiceDescriptionFilter implements Filter {

    static final Set<String> REFUSED = Set.of("_wadl", "_schema");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer
                && asksForDescription(http.getQueryString())) {
            String detail = "Gapura does not describe its API in WADL; its OpenAPI description is at /api/openapi.json.";
            String path = http.getRequestURI() == null ? "" : http.getRequestURI()
                    .substring(Math.min(http.getRequestURI().length(), http.getContextPath() == null ? 0
                            : http.getContextPath().length()));
            answer.setStatus(404);
            if (Open311Refusals.isOpen311(path)) {
                boolean json = path.toLowerCase(Locale.ROOT).endsWith(".json");
                answer.setContentType((json ? Open311Refusals.JSON : Open311Refusals.XML).toString());
                answer.getOutputStream().write(json ? Open311Refusals.json(404, detail)
                        : Open311Refusals.xml(404, detail));
                return;
            }
            answer.setContentType(Problem.MEDIA_TYPE);
            answer.getOutputStream().write(JsonProvider.objectMapper().writeValueAsBytes(Problem.of(404, "Not Found",
                    detail)));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean asksForDescription(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // not valid URL encoding: CXF reads it as it is
            }
            if (REFUSED.contains(name.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
