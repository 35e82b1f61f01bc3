package id.gapura.web.jetty;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's server-wide error handler, set in {@code etc/jetty.xml}: the errors Jetty answers before any Gapura code
 * runs (a path with {@code %00} or {@code ..} above the root, unreadable headers, no context for the path) are RFC 9457
 * problem+json like every other error, instead of Jetty's HTML page. The body never repeats the request or Jetty's
 * reason (which may quote it) and names no server.
 */
public class ProblemErrorHandler extends ErrorHandler {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    /** A request Jetty could not parse: no request object exists, only the headers of the answer. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE);
        return BufferUtil.toBuffer(problem(status, "The request cannot be read: its address or its headers are malformed."),
                StandardCharsets.UTF_8);
    }

    /** An error Jetty answers itself for a parsed request that no context serves. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        byte[] body = problem(code, null).getBytes(StandardCharsets.UTF_8);
        baseRequest.setHandled(true);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String problem(int status, String detail) {
        String title = HttpStatus.getMessage(status);
        return "{\"type\":\"about:blank\",\"title\":\"" + (title == null ? "Error" : title) + "\",\"status\":" + status
                + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}";
    }
}
