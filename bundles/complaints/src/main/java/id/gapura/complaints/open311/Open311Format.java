package id.gapura.complaints.open311;

import java.util.Locale;
import java.util.Optional;

/** The formats a client chooses with the extension of the path: {@code services.xml}, {@code services.json}. */
public enum Open311Format {
    /** The specification's required format. */
    XML("xml", "text/xml; charset=utf-8"),
    JSON("json", "application/json; charset=utf-8");

    private final String extension;
    private final String contentType;

    Open311Format(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format of an extension, in any letter case; empty for anything else. */
    public static Optional<Open311Format> of(String extension) {
        if (extension != null) {
            for (Open311Format format : values()) {
                if (format.extension.equals(extension.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
