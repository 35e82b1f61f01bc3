package id.gapura.web.internal;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

/**
 * A request whose {@code Content-Type} names a charset the JVM does not know ({@code charset=x-unknown}) gets 415
 * here. CXF checks the charset before any JAX-RS filter or exception mapper runs and throws, so without this the
 * answer was Jetty's HTML 500 page naming the exception (found by the fuzz test). Under {@code /open311/} the
 * refusal is an Open311 error.
 */
public class RequestCharsetFilter implements Filter {

    private static final int SHOWN = 40;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            String charset = charset(http.getHeader("Content-Type"));
            if (charset != null && !supported(charset)) {
                String shown = charset.length() > SHOWN ? charset.substring(0, SHOWN) + "..." : charset;
                String detail = "The request's charset '" + shown + "' is not one this server reads; send UTF-8.";
                answer.setStatus(415);
                String path = http.getRequestURI() == null ? "" : http.getRequestURI();
                if (Open311Refusals.isOpen311(path)) {
                    boolean json = !path.toLowerCase(Locale.ROOT).endsWith(".xml");
                    answer.setContentType((json ? Open311Refusals.JSON : Open311Refusals.XML).toString());
                    answer.getOutputStream().write(json ? Open311Refusals.json(415, detail) : Open311Refusals.xml(415, detail));
                    return;
                }
                answer.setContentType(Problem.MEDIA_TYPE);
                answer.getOutputStream().write(JsonProvider.objectMapper()
                        .writeValueAsBytes(Problem.of(415, "Unsupported Media Type", detail)));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The charset parameter of a media type, unquoted, or null when there is none. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                return pair[1].replace("\"", "").replace("'", "").strip();
            }
        }
        return null;
    }

    static boolean supported(String charset) {
        try {
            return !charset.isEmpty() && Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
