package id.gapura.web.internal;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A servlet request and response as plain records of what a filter did, for filters tested without a container. */
final class FakeHttp {

    static HttpServletRequest request(String method, String uri, String query, Map<String, String> headers) {
        Map<String, String> byName = new LinkedHashMap<>();
        headers.forEach((name, value) -> byName.put(name.toLowerCase(Locale.ROOT), value));
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getContextPath" -> "";
                    case "getHeader" -> byName.get(((String) args[0]).toLowerCase(Locale.ROOT));
                    case "getParameter", "getParameterMap", "getParameterNames", "getParameterValues",
                         "getInputStream", "getReader" ->
                            throw new AssertionError(m.getName() + " would read the body of a form");
                    default -> null;
                });
    }

    static final class Response {
        int status = 200;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        String contentType;

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse servlet() {
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
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[]{HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus", "sendError" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put(((String) args[0]).toLowerCase(Locale.ROOT),
                                    new ArrayList<>(List.of((String) args[1])));
                            case "addHeader" -> headers.computeIfAbsent(((String) args[0]).toLowerCase(Locale.ROOT),
                                    key -> new ArrayList<>()).add((String) args[1]);
                            case "setContentType" -> {
                                contentType = (String) args[0];
                                headers.put("content-type", new ArrayList<>(List.of(contentType)));
                            }
                            case "getOutputStream" -> {
                                return stream;
                            }
                            case "containsHeader" -> {
                                return headers.containsKey(((String) args[0]).toLowerCase(Locale.ROOT));
                            }
                            case "getHeader" -> {
                                return header((String) args[0]);
                            }
                            case "getStatus" -> {
                                return status;
                            }
                            case "isCommitted" -> {
                                return false;
                            }
                            default -> {
                            }
                        }
                        return null;
                    });
        }
    }

    private FakeHttp() {
    }

    /** JAX-RS's view of a request for {@code path} (e.g. {@code /open311/v2/requests.json}) at the platform's root. */
    static UriInfo uriInfo(String path) {
        return (UriInfo) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getPath" -> path.substring(1);
                    case "getBaseUri" -> URI.create("http://localhost:8181/");
                    default -> null;
                });
    }
}
