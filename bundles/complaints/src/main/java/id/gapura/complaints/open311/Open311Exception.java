package id.gapura.complaints.open311;

import java.util.List;

/**
 * A refusal in the Open311 error format: the HTTP status the specification prescribes (404 unknown
 * resource, 403 api_key, 400 anything else) and one or more errors with a code and a description.
 */
final class Open311Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<GeoReport.Error> errors;

    Open311Exception(int status, List<GeoReport.Error> errors) {
        super(errors.isEmpty() ? "HTTP " + status : errors.get(0).description());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static Open311Exception of(int status, String description) {
        return new Open311Exception(status, List.of(new GeoReport.Error(status, description)));
    }

    static Open311Exception notFound(String description) {
        return of(404, description);
    }

    static Open311Exception badRequest(String description) {
        return of(400, description);
    }

    static Open311Exception forbidden(String description) {
        return of(403, description);
    }

    int status() {
        return status;
    }

    List<GeoReport.Error> errors() {
        return errors;
    }
}
