package id.gapura.web.internal;

import org.junit.jupiter.api.Test;

import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RedeployGapFilterTest {

    /** A response that records its status and body, as a servlet container would send them. */
    private static final class Recorded {
        int status = 200;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            ServletOutputStream stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "getOutputStream" -> stream;
                        case "isCommitted" -> false;
                        default -> null;
                    });
        }
    }

    private static final HttpServletRequest REQUEST = (HttpServletRequest) Proxy.newProxyInstance(
            RedeployGapFilterTest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
            (p, m, a) -> m.getName().equals("getInputStream") ? new ServletInputStream() {
                private final ByteArrayInputStream body = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));

                @Override
                public int read() {
                    return body.read();
                }

                @Override
                public boolean isFinished() {
                    return body.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                }
            } : null);

    private static void answer(javax.servlet.ServletResponse response, int status, String body) throws java.io.IOException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(status);
        http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passesTheRequestAgainWhileTheApplicationIsRedeployed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Recorded recorded = new Recorded();
        FilterChain chain = (request, response) -> {
            if (calls.incrementAndGet() == 1) {
                answer(response, 404, "<html><body>No service was found.</body></html>");
            } else if (calls.get() == 2) {
                ((HttpServletRequest) request).getInputStream(); // CXF opens the body before it looks for the service
                throw new NullPointerException("Cannot invoke \"MessageObserver.onMessage\" because \"this.incomingObserver\" is null");
            } else {
                answer(response, 200, "{\"status\":\"UP\"}");
            }
        };
        new RedeployGapFilter().doFilter(REQUEST, recorded.response(), chain);
        assertEquals(3, calls.get());
        assertEquals(200, recorded.status);
        assertEquals("{\"status\":\"UP\"}", recorded.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void passesARealNotFoundOnAsItIsAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Recorded recorded = new Recorded();
        String problem = "{\"title\":\"Not found\",\"status\":404}";
        new RedeployGapFilter().doFilter(REQUEST, recorded.response(), (request, response) -> {
            calls.incrementAndGet();
            answer(response, 404, problem);
        });
        assertEquals(1, calls.get());
        assertEquals(404, recorded.status);
        assertEquals(problem, recorded.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givesUpOnAPathThatHasNoServiceAtAll() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Recorded recorded = new Recorded();
        new RedeployGapFilter().doFilter(REQUEST, recorded.response(), (request, response) -> {
            calls.incrementAndGet();
            answer(response, 404, "<html><body>No service was found.</body></html>");
        });
        assertEquals(404, recorded.status);
        assertEquals(true, calls.get() > 1 && calls.get() < 200, "retried for a while, then gave up: " + calls.get());
    }

    @Test
    void theJitsMessagelessNullPointerExceptionIsRetriedToo() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Recorded recorded = new Recorded();
        new RedeployGapFilter().doFilter(REQUEST, recorded.response(), (request, response) -> {
            if (calls.incrementAndGet() == 1) {
                throw new NullPointerException();
            }
            answer(response, 200, "ok");
        });
        assertEquals(2, calls.get());
        assertEquals(200, recorded.status);
    }

    @Test
    void aRequestWhoseBodyWasReadIsNeverPassedAgain() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(NullPointerException.class, () -> new RedeployGapFilter().doFilter(REQUEST,
                new Recorded().response(), (request, response) -> {
                    calls.incrementAndGet();
                    ((HttpServletRequest) request).getInputStream().read();
                    throw new NullPointerException();
                }));
        assertEquals(1, calls.get());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> new RedeployGapFilter().doFilter(REQUEST,
                new Recorded().response(), (request, response) -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("a real failure");
                }));
        assertEquals(1, calls.get());
    }
}
