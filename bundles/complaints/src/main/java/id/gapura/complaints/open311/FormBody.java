package id.gapura.complaints.open311;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The fields of a {@code application/x-www-form-urlencoded} body, decoded as UTF-8 as GeoReport v2 says.
 * A body without a Content-Type is read as a form too; any other type is refused.
 */
final class FormBody {

    static final String FORM = "application/x-www-form-urlencoded";

    private FormBody() {
    }

    /** @throws IllegalArgumentException with a message for the client when the body is not a form */
    static MultivaluedMap<String, String> parse(String contentType, byte[] body) {
        if (contentType != null && !contentType.isBlank()
                && !contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(FORM)) {
            throw new IllegalArgumentException("Send the request as " + FORM + " fields (service_code, lat and long "
                    + "or address_string, description, api_key, ...), as GeoReport v2 prescribes; this body is "
                    + contentType.split(";", 2)[0].strip() + ".");
        }
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            try {
                fields.add(URLDecoder.decode(parts[0].strip(), StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The form body is not valid URL encoding near '"
                        + (pair.length() > 40 ? pair.substring(0, 40) + "..." : pair) + "'.", e);
            }
        }
        return fields;
    }
}
