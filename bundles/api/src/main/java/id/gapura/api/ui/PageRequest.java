package id.gapura.api.ui;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a page is told of a request. Strings are as sent, stripped, and never longer than the platform's bound. */
@ProviderType
public interface PageRequest {

    /** The visitor's language: {@code id} (the default) or {@code en}. */
    Locale locale();

    /** The first value of a query parameter or form field, stripped; empty when absent or blank. */
    Optional<String> parameter(String name);

    /** Every non-blank value of a query parameter or form field (checkboxes, multiple selects). */
    List<String> parameters(String name);

    /** A file sent with the form ({@code multipart/form-data}), or empty when none was chosen. */
    Optional<Upload> upload(String name);

    /** The logged-in officer; empty on citizen pages. */
    Optional<Officer> officer();

    /** The module's message with this key in the visitor's language, formatted with {@link java.text.MessageFormat}. */
    String message(String key, Object... arguments);

    /** A file sent with a form: its name as the browser gave it, its declared type and its bytes. */
    record Upload(String fileName, String contentType, byte[] content) {
    }

    /** An officer with a back-office session: their realm user name and their roles at this request. */
    record Officer(String name, Set<String> roles) {

        public Officer {
            roles = Set.copyOf(roles);
        }

        public boolean hasAnyRole(Set<String> wanted) {
            return wanted.stream().anyMatch(roles::contains);
        }
    }
}
