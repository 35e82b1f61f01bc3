package id.gapura.web.internal;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Passes a request again, for a moment, instead of answering 404 while the JAX-RS whiteboard redeploys.
 * <p>
 * Aries JAX-RS rebuilds the CXF server of the application whenever a resource comes or goes: every module
 * install, upgrade and uninstall. In between, CXF answers {@code 404 No service was found.} for every path, those
 * of modules that did not change too. In that answer CXF has not read the request body (it found no service to
 * read it), so the request can be passed again unchanged once the new server is up. The same holds for the
 * {@link NullPointerException} CXF throws in the same moment (see {@link #duringRedeploy}). A request whose
 * body was read is never passed again.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)"})
public class RedeployGapFilter implements Filter {

    static final String NO_SERVICE = "No service was found.";
    private static final Logger LOG = LoggerFactory.getLogger(RedeployGapFilter.class);
    /** A redeploy takes milliseconds; a path that still has no service after this really has none. */
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final long PAUSE_MILLIS = 20;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse http) || !(request instanceof HttpServletRequest httpRequest)) {
            chain.doFilter(request, response);
            return;
        }
        BodyWatch watched = new BodyWatch(httpRequest);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int attempts = 1;
        while (true) {
            NotFoundHolder held = new NotFoundHolder(http);
            try {
                chain.doFilter(watched, held);
            } catch (RuntimeException | ServletException e) {
                if (watched.bodyRead || !duringRedeploy(e) || http.isCommitted() || System.nanoTime() > deadline) {
                    throw e;
                }
                attempts++;
                pause();
                continue;
            }
            if (!held.noService() || watched.bodyRead || System.nanoTime() > deadline) {
                held.release();
                if (attempts > 1) {
                    LOG.debug("Served after {} attempts while the JAX-RS application was redeployed", attempts);
                }
                return;
            }
            attempts++;
            pause();
        }
    }

    /**
     * CXF's other answer in the same moment: the old server is gone from the transport before the new one is
     * there, and CXF fails on its missing message observer before it reads anything of the request.
     */
    static boolean duringRedeploy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // once the JIT has compiled that spot, the JVM throws a preallocated NullPointerException without message
            if (cause instanceof NullPointerException
                    && (cause.getMessage() == null || cause.getMessage().contains("incomingObserver"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Notes whether anything read from the request body. CXF opens the stream before it looks for the service,
     * but only a resource reads from it: a request whose body was read reached a resource, and is never passed
     * again, as its effects may have happened.
     */
    static final class BodyWatch extends HttpServletRequestWrapper {
        boolean bodyRead;
        private ServletInputStream watched;

        BodyWatch(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            if (in == null) {
                return null;
            }
            if (watched == null) {
                watched = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        bodyRead = true;
                        return in.read();
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        bodyRead = true;
                        return in.read(bytes, offset, length);
                    }

                    @Override
                    public int available() throws IOException {
                        return in.available();
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        bodyRead = true;
                        in.setReadListener(listener);
                    }

                    @Override
                    public void close() throws IOException {
                        in.close();
                    }
                };
            }
            return watched;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            bodyRead = true;
            return super.getReader();
        }
    }

    private static void pause() throws ServletException {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while the JAX-RS application was redeployed", e);
        }
    }

    /** Lets every answer through except a 404, whose body it keeps until it is known whether to pass it on. */
    static final class NotFoundHolder extends HttpServletResponseWrapper {

        private ByteArrayOutputStream body;
        private PrintWriter writer;
        private ServletOutputStream stream;

        NotFoundHolder(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            if (status == HttpServletResponse.SC_NOT_FOUND) {
                body = new ByteArrayOutputStream();
            } else {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (status == HttpServletResponse.SC_NOT_FOUND) {
                body = new ByteArrayOutputStream();
            } else {
                super.sendError(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status == HttpServletResponse.SC_NOT_FOUND) {
                body = new ByteArrayOutputStream();
                body.writeBytes(message == null ? new byte[0] : message.getBytes(StandardCharsets.UTF_8));
            } else {
                super.sendError(status, message);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                return super.getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("a held 404 is written synchronously");
                    }

                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        body.write(bytes, offset, length);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (body == null) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (body == null) {
                super.flushBuffer();
            }
        }

        @Override
        public boolean isCommitted() {
            return body == null && super.isCommitted();
        }

        boolean noService() {
            if (body == null) {
                return false;
            }
            if (writer != null) {
                writer.flush();
            }
            return body.toString(StandardCharsets.UTF_8).contains(NO_SERVICE);
        }

        /** Passes a held 404 on as it was. */
        void release() throws IOException {
            if (body == null) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getOutputStream().write(body.toByteArray());
        }
    }
}
