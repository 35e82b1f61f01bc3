package id.gapura.web.pages;

import javax.servlet.http.HttpServletRequest;
import java.util.Locale;

/** The two languages of the pages: Bahasa Indonesia first, English; the visitor's choice is kept in a cookie. */
final class Languages {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");
    static final Locale ENGLISH = Locale.ENGLISH;
    static final String COOKIE = "gapura_bahasa";

    private Languages() {
    }

    /** The chosen language, else the browser's first preference of the two, else Indonesian. */
    static Locale of(HttpServletRequest request) {
        String chosen = Cookies.value(request, COOKIE);
        if (chosen != null) {
            return parse(chosen);
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && accept.length() < 200) {
            for (String part : accept.split(",")) {
                String tag = part.strip().toLowerCase(Locale.ROOT);
                if (tag.startsWith("id") || tag.startsWith("in")) {
                    return INDONESIAN;
                }
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
            }
        }
        return INDONESIAN;
    }

    static Locale parse(String code) {
        return "en".equals(code) ? ENGLISH : INDONESIAN;
    }

    static String code(Locale locale) {
        return ENGLISH.equals(locale) ? "en" : "id";
    }
}
