package id.gapura.web.pages;

import org.osgi.framework.Bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What one bundle ships for the pages, read from its own entries (never through its class loader, so nothing
 * of another bundle is found by mistake): messages in {@code ui/messages.properties} (Bahasa Indonesia) and
 * {@code ui/messages_en.properties}, templates below {@code ui/templates/}, files below {@code ui/static/}.
 */
final class ModuleUi {

    static final String TEMPLATES = "ui/templates/";
    static final String STATIC = "ui/static/";

    private final Bundle bundle;
    private final long modified;
    private final Properties indonesian;
    private final Properties english;

    ModuleUi(Bundle bundle) {
        this.bundle = bundle;
        this.modified = bundle.getLastModified();
        this.indonesian = properties(bundle, "ui/messages.properties");
        this.english = properties(bundle, "ui/messages_en.properties");
    }

    Bundle bundle() {
        return bundle;
    }

    /** The bundle's last modification when its files were read. */
    long modified() {
        return modified;
    }

    /** The message in this language (English falls back to Indonesian); empty when the bundle has no such key. */
    Optional<String> message(Locale locale, String key, Object... arguments) {
        String pattern = null;
        if (Languages.ENGLISH.equals(locale)) {
            pattern = english.getProperty(key);
        }
        if (pattern == null) {
            pattern = indonesian.getProperty(key);
        }
        if (pattern == null) {
            return Optional.empty();
        }
        return Optional.of(arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments));
    }

    /** A file below {@code ui/static/}, or null; the name must not climb out of it. */
    URL staticFile(String name) {
        if (!StaticFiles.isSafeName(name)) {
            return null;
        }
        return bundle.getEntry(STATIC + name);
    }

    private static Properties properties(Bundle bundle, String entry) {
        Properties properties = new Properties();
        URL url = bundle.getEntry(entry);
        if (url == null) {
            return properties;
        }
        try (InputStream in = url.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Bundle " + bundle.getSymbolicName() + " has an unreadable " + entry + ": "
                    + e.getMessage(), e);
        }
        return properties;
    }
}
