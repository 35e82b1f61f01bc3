package id.gapura.web.pages;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Sends the platform's and the modules' static files (CSS, images, scripts that enhance a page). */
final class StaticFiles {

    /** Path segments of letters, digits, dot, dash and underscore; never "..". */
    private static final Pattern SAFE = Pattern.compile(
            "[A-Za-z0-9_-][A-Za-z0-9._-]{0,100}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,100}){0,5}");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "jpg", "image/jpeg",
            "webp", "image/webp",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private StaticFiles() {
    }

    static boolean isSafeName(String name) {
        return name != null && SAFE.matcher(name).matches() && !name.contains("..");
    }

    /** The content type of a file by its extension; null for a type the pages do not serve. */
    static String type(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Sends a file, or a plain 404 when there is none of a served type. */
    static void send(URL file, String name, HttpServletResponse response) throws IOException {
        String type = name == null ? null : type(name);
        if (file == null || type == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain; charset=UTF-8");
            response.getWriter().write("Not found\n");
            return;
        }
        response.setContentType(type);
        // short: a module's updated bundle brings new files under the same names
        response.setHeader("Cache-Control", "public, max-age=300");
        try (InputStream in = file.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
