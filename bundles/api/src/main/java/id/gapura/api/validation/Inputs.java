package id.gapura.api.validation;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a request's fields against what the database holds, before any arithmetic or write, and collects
 * every field's problem; {@link #validate()} then answers one 422 naming each field as the caller sent it.
 * <pre>{@code
 * Inputs inputs = new Inputs();
 * BigDecimal amount = inputs.decimal("amount", body.amount(), 19, 2);   // DECIMAL(19, 2)
 * String name = inputs.text("name", body.name(), 200);                  // VARCHAR(200)
 * int year = inputs.year("year", body.year());
 * inputs.validate();
 * }</pre>
 * Rules, the same in every module:
 * <ul>
 * <li>Decimals: at most {@code precision - scale} digits before the point and {@code scale} after (trailing
 * zeros after the point do not count), as the column {@code NUMERIC(precision, scale)} holds them. Only
 * {@link BigDecimal#precision()} and {@link BigDecimal#scale()} are read to decide, so {@code 1e1000000} is
 * refused at once; text is refused beyond {@link #MAX_NUMBER_TEXT} characters before it is parsed.</li>
 * <li>Text: at most the column's length (in UTF-16 units, never fewer than the database counts), and never
 * a NUL (U+0000, which PostgreSQL refuses), another C0 control character but tab, line feed and carriage
 * return, DEL, or a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069) that would show a
 * text other than the one stored.</li>
 * <li>URLs: absolute {@code http} or {@code https} with a host; nothing else is stored.</li>
 * <li>Messages never repeat what the caller sent.</li>
 * </ul>
 * A check that fails returns {@code null} (or the given fallback), so the caller goes on checking the other
 * fields and ends with {@link #validate()}.
 */
public final class Inputs {

    /** The longest text taken for a number: 19 digits, a sign, a point, an exponent and some zeros fit. */
    public static final int MAX_NUMBER_TEXT = 64;
    /** Years every module accepts (fiscal years, plan periods, report years). */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    private final List<FieldError> errors = new ArrayList<>();

    /** Adds a problem of a field found by the caller's own rule. */
    public Inputs error(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the 422 naming every field found wrong so far; does nothing when all were right. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    // ---- numbers ---------------------------------------------------------------------------------------

    /**
     * The value if it fits {@code NUMERIC(precision, scale)}; {@code null} (and a problem) when it does not.
     * A {@code null} value is returned as {@code null} without a problem: use {@link #required} for that.
     */
    public BigDecimal decimal(String field, BigDecimal value, int precision, int scale) {
        if (value == null) {
            return null;
        }
        if (!fits(value, precision, scale)) {
            error(field, "must be a number with at most " + (precision - scale) + " digits before the decimal point"
                    + (scale == 0 ? " and none after it" : " and " + scale + " after it"));
            return null;
        }
        // a zero may come as 0E-5000: its text would be 5000 zeros
        return value.signum() == 0 ? BigDecimal.ZERO : value;
    }

    /** As {@link #decimal(String, BigDecimal, int, int)}, from text (e.g. a form or query parameter). */
    public BigDecimal decimal(String field, String text, int precision, int scale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal value = parse(field, text);
        return value == null ? null : decimal(field, value, precision, scale);
    }

    /** As {@link #decimal(String, BigDecimal, int, int)}, and there: {@code null} is a problem too. */
    public BigDecimal required(String field, BigDecimal value, int precision, int scale) {
        return value == null ? fail(field, "is required") : decimal(field, value, precision, scale);
    }

    /** As {@link #decimal(String, BigDecimal, int, int)}, and at least {@code min}. */
    public BigDecimal decimal(String field, BigDecimal value, int precision, int scale, BigDecimal min) {
        BigDecimal checked = decimal(field, value, precision, scale);
        if (checked != null && checked.compareTo(min) < 0) {
            error(field, "must be at least " + min.toPlainString());
            return null;
        }
        return checked;
    }

    /** Whether the value fits {@code NUMERIC(precision, scale)}, deciding on precision and scale only. */
    public static boolean fits(BigDecimal value, int precision, int scale) {
        if (value.signum() == 0) {
            return true;
        }
        // digits before the point: precision - scale (long: scale may be near Integer.MIN_VALUE)
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > precision - scale) {
            return false;
        }
        if (value.scale() <= scale) {
            return true;
        }
        // more places than the column holds: only trailing zeros may go (bounded: the integer part is bounded
        // and the text was bounded by its parser)
        if ((long) value.scale() - scale > 4096) {
            return false;
        }
        return value.stripTrailingZeros().scale() <= scale;
    }

    /** A whole number from text in {@code [min, max]}; {@code fallback} (and a problem) when it is not one. */
    public long whole(String field, String text, long min, long max, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String trimmed = text.strip();
        if (trimmed.length() > 20) {
            error(field, range(min, max));
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            error(field, "must be a whole number");
            return fallback;
        }
        return whole(field, value, min, max, fallback);
    }

    /** The value if it lies in {@code [min, max]}; {@code fallback} (and a problem) when it does not. */
    public long whole(String field, long value, long min, long max, long fallback) {
        if (value < min || value > max) {
            error(field, range(min, max));
            return fallback;
        }
        return value;
    }

    /** A whole number in {@code [min, max]}, or {@code null} when absent. */
    public Integer whole(String field, Integer value, int min, int max) {
        if (value == null) {
            return null;
        }
        return value < min || value > max ? fail(field, range(min, max)) : value;
    }

    /** A year between {@link #MIN_YEAR} and {@link #MAX_YEAR}; {@code 0} (and a problem) when it is not one. */
    public int year(String field, int year) {
        return (int) whole(field, year, MIN_YEAR, MAX_YEAR, 0);
    }

    /** As {@link #year(String, int)}, from text; {@code fallback} when absent. */
    public int year(String field, String text, int fallback) {
        return (int) whole(field, text, MIN_YEAR, MAX_YEAR, fallback);
    }

    /** Whether a year lies between {@link #MIN_YEAR} and {@link #MAX_YEAR}. */
    public static boolean isYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    private BigDecimal parse(String field, String text) {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_NUMBER_TEXT) {
            error(field, "must be a number of at most " + MAX_NUMBER_TEXT + " characters");
            return null;
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            error(field, "must be a number");
            return null;
        }
    }

    // ---- text ------------------------------------------------------------------------------------------

    /** Optional text of at most {@code maxLength}, without forbidden characters; {@code null} stays {@code null}. */
    public String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return fail(field, "must be at most " + maxLength + " characters");
        }
        int bad = forbiddenCharacter(value);
        if (bad >= 0) {
            return fail(field, "must not contain the control character U+" + String.format(Locale.ROOT, "%04X", bad));
        }
        return value;
    }

    /** Text that must be there (not blank), of at most {@code maxLength}, without forbidden characters. */
    public String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        return text(field, value, maxLength);
    }

    /**
     * A code (an agency, a type, a category): letters, digits, {@code . _ -} between letters or digits, at
     * most {@code maxLength}; so never {@code ..}, {@code -1} or a path.
     */
    public String code(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        if (!isCode(value, maxLength)) {
            return fail(field, "must be a code of at most " + maxLength
                    + " letters, digits, '.', '_' or '-' (starting and ending with a letter or digit)");
        }
        return value;
    }

    /** Whether text is a code as {@link #code} accepts it. */
    public static boolean isCode(String value, int maxLength) {
        return value != null && value.length() <= maxLength && CODE.matcher(value).matches();
    }

    /** A user name as the realm holds them: letters, digits, {@code . _ @ -}, starting with a letter or digit. */
    public String username(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        if (value.length() > maxLength || !USERNAME.matcher(value).matches()) {
            return fail(field, "must be a user name of at most " + maxLength
                    + " letters, digits, '.', '_', '@' or '-'");
        }
        return value;
    }

    /** An optional absolute {@code http(s)} URL of at most {@code maxLength}; {@code null} stays {@code null}. */
    public String url(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (text(field, value, maxLength) == null) {
            return null;
        }
        return isHttpUrl(value) ? value : fail(field, "must be an http or https URL");
    }

    /** Whether text is an absolute {@code http} or {@code https} URL with a host. */
    public static boolean isHttpUrl(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The first character no text field may hold (NUL, other C0 controls but tab, LF and CR, DEL, bidi
     * overrides and isolates), or -1 when there is none.
     */
    public static int forbiddenCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return c;
            }
        }
        return -1;
    }

    /** At most {@code max} characters of what the caller sent, for a message that names it. */
    public static String echo(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < value.length() && shown.length() < max; i++) {
            char c = value.charAt(i);
            shown.append(c < 0x20 || c == 0x7F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ? '?' : c);
        }
        return value.length() > max ? shown + "…" : shown.toString();
    }

    private static String range(long min, long max) {
        return "must be a whole number from " + min + " to " + max;
    }

    private <T> T fail(String field, String message) {
        error(field, message);
        return null;
    }
}
