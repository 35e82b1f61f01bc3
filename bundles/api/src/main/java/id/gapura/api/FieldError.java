package id.gapura.api;

/** One invalid input field: its name as the caller sent it, and what is wrong with it. */
public record FieldError(String field, String message) {
}
