package id.gapura.web.pages;

import org.junit.jupiter.api.Test;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfTest {

    private static HttpServletRequest request(Cookie... cookies) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(CsrfTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    case "getAttribute" -> attributes.get((String) arguments[0]);
                    case "setAttribute" -> attributes.put((String) arguments[0], arguments[1]);
                    case "isSecure" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(List<String> setCookies) {
        return (HttpServletResponse) Proxy.newProxyInstance(CsrfTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("addHeader") && "Set-Cookie".equals(arguments[0])) {
                        setCookies.add((String) arguments[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aVisitorWithoutCookieGetsOneAndItsValueIsTheFormsToken() {
        List<String> set = new ArrayList<>();
        String token = Csrf.token(request(), response(set), null);
        assertEquals(1, set.size());
        assertTrue(set.get(0).startsWith(Csrf.COOKIE + "=" + token + ";"), set.get(0));
        assertTrue(set.get(0).contains("HttpOnly") && set.get(0).contains("SameSite=Lax"), set.get(0));
        HttpServletRequest back = request(new Cookie(Csrf.COOKIE, token));
        assertTrue(Csrf.valid(back, token, null));
        assertFalse(Csrf.valid(back, token + "x", null));
        assertFalse(Csrf.valid(back, null, null));
        assertFalse(Csrf.valid(request(), token, null), "no cookie, no valid token");
    }

    @Test
    void anOfficersTokenIsBoundToTheirSession() {
        List<String> set = new ArrayList<>();
        String token = Csrf.token(request(), response(set), "gpt_session-secret-one");
        assertEquals(0, set.size(), "a session needs no cookie of its own");
        assertTrue(Csrf.valid(request(), token, "gpt_session-secret-one"));
        assertFalse(Csrf.valid(request(), token, "gpt_session-secret-two"));
        assertNotEquals(token, Csrf.token(request(), response(set), "gpt_session-secret-two"));
    }
}
