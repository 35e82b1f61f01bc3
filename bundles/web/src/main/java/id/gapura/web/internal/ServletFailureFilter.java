package id.gapura.web.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.UnavailableException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The last safety net in front of CXF in every context: an exception that leaves the servlet (CXF fails before any
 * JAX-RS exception mapper runs, as it did for an unknown request charset) would reach Jetty, whose HTML 500 page names
 * the exception and its causes. Here it becomes a 500 problem+json (Open311's error under {@code /open311/}) that
 * names nothing, and the exception goes to the log. Left to Jetty: an answer already on its way, a client gone, and
 * {@link UnavailableException} (also as a cause), which Pax Web throws while a context is being rebuilt and Jetty
 * answers 503/404.
 */
public class ServletFailureFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ServletFailureFilter.class);
    static final String DETAIL = "The server failed to answer this request; the failure is in its log.";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)
                    || response.isCommitted() || leftToJetty(e)) {
                throw e;
            }
            LOG.warn("{} {} failed before the application could answer it; answered 500", http.getMethod(),
                    http.getRequestURI(), e);
            answer.resetBuffer();
            answer.setStatus(500);
            String path = http.getRequestURI() == null ? "" : http.getRequestURI();
            if (Open311Refusals.isOpen311(path)) {
                boolean json = !path.toLowerCase(Locale.ROOT).endsWith(".xml");
                answer.setContentType((json ? Open311Refusals.JSON : Open311Refusals.XML).toString());
                answer.getOutputStream().write(json ? Open311Refusals.json(500, DETAIL) : Open311Refusals.xml(500, DETAIL));
                return;
            }
            answer.setContentType(Problem.MEDIA_TYPE);
            answer.getOutputStream().write(JsonProvider.objectMapper()
                    .writeValueAsBytes(Problem.of(500, "Internal Server Error", DETAIL)));
        }
    }

    /** A context being rebuilt (Jetty answers 503/404), or a client that went away (nothing to answer to). */
    static boolean leftToJetty(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnavailableException || cause.getClass().getName().equals("org.eclipse.jetty.io.EofException")) {
                return true;
            }
        }
        return false;
    }
}
