package id.gapura.complaints.open311;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a submission's body: {@code application/x-www-form-urlencoded} as GeoReport v2 says, or
 * {@code multipart/form-data} (RFC 7578) as several client libraries send; UTF-8 unless a part names another
 * charset. A body without a Content-Type is read as a form. File parts (with a {@code filename}) are skipped:
 * GeoReport v2 takes a photo as {@code media_url}.
 * <p>
 * Parsed here, not with CXF's multipart support: a module imports only Gapura's API and the JAX-RS API, and the
 * body is already bounded by the platform's request size limit.
 * <p>
 * What can be read is read even when part of the body is wrong, so that the caller's {@code api_key} is checked
 * before the body's faults are reported.
 */
final class FormBody {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String MULTIPART = "multipart/form-data";
    private static final Pattern BOUNDARY = Pattern.compile("(?i)(?:^|;)\\s*boundary\\s*=\\s*(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern CHARSET = Pattern.compile("(?i)(?:^|;)\\s*charset\\s*=\\s*\"?([^;\\s\"]+)");
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");
    private static final Pattern FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename\\*?\\s*=");

    /** The fields read, and what was wrong with the body (null when nothing was). */
    record Parsed(MultivaluedMap<String, String> fields, String problem) {
    }

    private FormBody() {
    }

    static Parsed read(String contentType, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        String type = contentType == null || contentType.isBlank() ? FORM
                : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case FORM -> urlEncoded(new String(bytes, StandardCharsets.UTF_8));
            case MULTIPART -> multipart(contentType, bytes);
            default -> new Parsed(new MultivaluedHashMap<>(), "Send the request as " + FORM + " or " + MULTIPART
                    + " fields (service_code, lat and long or address_string, description, api_key, ...), as "
                    + "GeoReport v2 prescribes; this body is " + shortened(contentType.split(";", 2)[0].strip()) + ".");
        };
    }

    private static Parsed urlEncoded(String text) {
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        String problem = null;
        for (String pair : text.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            try {
                fields.add(URLDecoder.decode(parts[0].strip(), StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                if (problem == null) {
                    problem = "The form body is not valid URL encoding near '" + shortened(pair) + "'.";
                }
            }
        }
        return new Parsed(fields, problem);
    }

    private static Parsed multipart(String contentType, byte[] body) {
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return new Parsed(fields, "A " + MULTIPART + " body needs the boundary parameter in its Content-Type.");
        }
        String delimiter = "--" + (boundary.group(1) != null ? boundary.group(1) : boundary.group(2));
        // ISO-8859-1 keeps every byte as one char, so positions are byte positions; values are decoded per part
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int position = text.indexOf(delimiter);
        if (position < 0) {
            return new Parsed(fields, "The " + MULTIPART + " body has no part with the boundary of its Content-Type.");
        }
        position += delimiter.length();
        while (!text.startsWith("--", position)) {
            int lineEnd = text.indexOf("\r\n", position);
            if (lineEnd < 0) {
                return new Parsed(fields, truncated());
            }
            int contentStart;
            String headers;
            if (text.startsWith("\r\n", lineEnd + 2)) {
                headers = "";
                contentStart = lineEnd + 4;
            } else {
                int headersEnd = text.indexOf("\r\n\r\n", lineEnd + 2);
                if (headersEnd < 0) {
                    return new Parsed(fields, truncated());
                }
                headers = text.substring(lineEnd + 2, headersEnd);
                contentStart = headersEnd + 4;
            }
            int next = text.indexOf("\r\n" + delimiter, contentStart);
            if (next < 0) {
                return new Parsed(fields, truncated());
            }
            addPart(fields, headers, body, contentStart, next);
            position = next + 2 + delimiter.length();
        }
        return new Parsed(fields, null);
    }

    private static void addPart(MultivaluedMap<String, String> fields, String headers, byte[] body, int from, int to) {
        String disposition = null;
        Charset charset = StandardCharsets.UTF_8;
        for (String header : headers.split("\r\n")) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                Matcher given = CHARSET.matcher(value);
                if (given.find()) {
                    try {
                        charset = Charset.forName(given.group(1));
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        // an unknown charset: read as UTF-8, the spec's
                    }
                }
            }
        }
        if (disposition == null || FILENAME.matcher(disposition).find()) {
            return;
        }
        Matcher name = NAME.matcher(disposition);
        if (name.find()) {
            // the field name is UTF-8 in the header bytes too (RFC 7578 5.1)
            String field = new String((name.group(1) != null ? name.group(1) : name.group(2))
                    .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            fields.add(field, new String(body, from, to - from, charset));
        }
    }

    private static String truncated() {
        return "The " + MULTIPART + " body ends before its closing boundary.";
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
