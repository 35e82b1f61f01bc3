package id.gapura.api.ui;

import id.gapura.api.FieldError;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A page's answer: a template of the module rendered inside the platform's layout, a redirect, or one of the
 * platform's own answers (not found, method not allowed).
 *
 * @param kind     what the answer is
 * @param status   the HTTP status of a rendered page (200; 422 for a form sent back with its errors)
 * @param template the module's template below {@code ui/templates/}, e.g. {@code report-form.ftlh}
 * @param titleKey message key of the page's title (the layout puts it in {@code <title>} and the heading)
 * @param model    what the template reads; records and maps are read as properties. The layout adds
 *                 {@code csrf} (the hidden field's value for a form) and {@code lang}
 * @param location where a redirect goes: an absolute path of this site ({@code /layanan/complaints/...}); for a
 *                 download, the file's name
 * @param file     a download's content type and bytes, else null
 */
public record View(Kind kind, int status, String template, String titleKey, Map<String, ?> model, String location,
                   Download file) {

    public enum Kind { PAGE, REDIRECT, NOT_FOUND, FORBIDDEN, METHOD_NOT_ALLOWED, DOWNLOAD }

    /** A file the browser saves (a CSV export of what the page shows). */
    public record Download(String contentType, byte[] content) {

        public Download {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }

    public View {
        Objects.requireNonNull(kind, "kind");
        // values may be null (a template reads an absent optional value with its default)
        model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }

    public static View page(String template, String titleKey, Map<String, ?> model) {
        return new View(Kind.PAGE, 200, Objects.requireNonNull(template, "template"),
                Objects.requireNonNull(titleKey, "titleKey"), model, null, null);
    }

    /**
     * The same page sent back with what was wrong: status 422, the errors in the model as {@code errors}, and the
     * layout shows them as an error summary whose entries link to the fields (a field's {@code id} is its name).
     * The model should hold the sent values so the citizen does not type them again.
     */
    public View invalid(List<FieldError> errors) {
        Map<String, Object> withErrors = new LinkedHashMap<>(model);
        withErrors.put(ERRORS, List.copyOf(errors));
        return new View(kind, 422, template, titleKey, withErrors, location, file);
    }

    /** The model key of a form's errors, a list of {@link FieldError}. */
    public static final String ERRORS = "errors";

    /** A 303 "see other" to a path of this site (after a form's POST, so that reloading does not send it twice). */
    public static View redirect(String location) {
        Objects.requireNonNull(location, "location");
        if (!location.startsWith("/") || location.startsWith("//")) {
            throw new IllegalArgumentException("A redirect goes to a path of this site: " + location);
        }
        return new View(Kind.REDIRECT, 303, null, null, Map.of(), location, null);
    }

    /** The platform's friendly "page not found" (404), e.g. for a tracking number that does not exist. */
    public static View notFound() {
        return new View(Kind.NOT_FOUND, 404, null, null, Map.of(), null, null);
    }

    /**
     * The platform's "no access" page (403): the officer may open the page but not this item (another agency's
     * report).
     */
    public static View forbidden() {
        return new View(Kind.FORBIDDEN, 403, null, null, Map.of(), null, null);
    }

    public static View methodNotAllowed() {
        return new View(Kind.METHOD_NOT_ALLOWED, 405, null, null, Map.of(), null, null);
    }

    /**
     * A file to save, e.g. {@code download("pengaduan-2026-12.csv", "text/csv; charset=UTF-8", bytes)}; the name
     * is letters, digits, dot, dash and underscore.
     */
    public static View download(String fileName, String contentType, byte[] content) {
        if (fileName == null || !fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("A download's name is letters, digits, '.', '-' and '_': " + fileName);
        }
        return new View(Kind.DOWNLOAD, 200, null, null, Map.of(), fileName, new Download(contentType, content));
    }
}
