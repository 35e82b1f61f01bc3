package id.gapura.distribution.bench;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP baseline of the benchmarks: the cheapest answer the container can give, a servlet on the HTTP
 * whiteboard (no JAX-RS, no database). Deployed as a bundle of its own, built by the suite.
 */
public class HelloServlet extends HttpServlet {

    private static final byte[] BODY = "{\"hello\":\"gapura\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
