package id.gapura.web.pages;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

/**
 * Cookie headers written by hand because the Servlet 3.1 API of Pax Web 8 has no {@code SameSite}: every cookie
 * of the pages is {@code HttpOnly} and {@code SameSite=Lax}, and {@code Secure} when the page came over TLS.
 */
final class Cookies {

    private Cookies() {
    }

    /** A {@code Set-Cookie} value; {@code maxAgeSeconds} -1 for a browser-session cookie, 0 to delete it. */
    static String header(String name, String value, String path, long maxAgeSeconds, boolean secure) {
        StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=").append(path);
        if (maxAgeSeconds >= 0) {
            header.append("; Max-Age=").append(maxAgeSeconds);
        }
        header.append("; HttpOnly; SameSite=Lax");
        if (secure) {
            header.append("; Secure");
        }
        return header.toString();
    }

    static String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
