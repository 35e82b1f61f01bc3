package id.gapura.web.internal;


import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The headers every answer of every Gapura HTTP context carries, REST and pages, errors included: no framing, no
 * inline script or foreign content, no MIME sniffing, no referrer. An answer to a request with credentials
 * ({@code Authorization}, the only way Gapura knows a caller: no sessions, no cookies) is never stored by a browser
 * or proxy, whatever the resource says; such answers are the ones that carry personal data. A Servlet filter on
 * the HTTP whiteboard rather than a JAX-RS filter, so that it also covers what JAX-RS never sees (its own 404 of a
 * redeploy, pages and static resources).
 */
public class SecurityHeaders implements Filter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'; object-src 'none'";
    static final String CACHE_CONTROL = "Cache-Control";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        answer.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        answer.setHeader("X-Frame-Options", "DENY");
        answer.setHeader("Referrer-Policy", "no-referrer");
        answer.setHeader("X-Content-Type-Options", "nosniff");
        String authorization = http.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        answer.setHeader(CACHE_CONTROL, "no-store");
        chain.doFilter(request, new NoStore(answer));
    }

    /** Keeps {@code Cache-Control: no-store}: a resource's own caching header is ignored. */
    static final class NoStore extends HttpServletResponseWrapper {

        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
