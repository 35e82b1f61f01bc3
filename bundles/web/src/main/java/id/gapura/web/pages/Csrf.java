package id.gapura.web.pages;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens for every form, without state on the server (any node can check them). An officer's forms carry an
 * HMAC of their session secret, which only their browser holds (in an HttpOnly cookie); a visitor without a
 * session gets a random cookie and its value in the form (double submit). A cross-site page can read neither.
 */
final class Csrf {

    static final String FIELD = "_csrf";
    static final String COOKIE = "gapura_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** The token for the forms of this answer; sets the visitor's cookie when they have none yet. */
    static String token(HttpServletRequest request, HttpServletResponse response, String sessionSecret) {
        if (sessionSecret != null) {
            return hmac(sessionSecret);
        }
        String cookie = visitorCookie(request);
        if (cookie == null) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            response.addHeader("Set-Cookie", Cookies.header(COOKIE, cookie, "/", -1, request.isSecure()));
            request.setAttribute(COOKIE, cookie);
        }
        return cookie;
    }

    /** Whether a POST carries the token its sender was given. */
    static boolean valid(HttpServletRequest request, String sent, String sessionSecret) {
        if (sent == null || sent.isEmpty() || sent.length() > 100) {
            return false;
        }
        String expected = sessionSecret != null ? hmac(sessionSecret) : visitorCookie(request);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }

    private static String visitorCookie(HttpServletRequest request) {
        Object set = request.getAttribute(COOKIE);
        if (set instanceof String value) {
            return value;
        }
        String cookie = Cookies.value(request, COOKIE);
        return cookie != null && cookie.length() >= 40 && cookie.length() <= 100 ? cookie : null;
    }

    private static String hmac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal("gapura-csrf".getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
