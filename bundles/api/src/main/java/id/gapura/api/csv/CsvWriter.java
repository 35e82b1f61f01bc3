package id.gapura.api.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV (RFC 4180: cells with the delimiter, a quote, CR or LF are quoted, quotes doubled; CRLF between records)
 * that a spreadsheet opens as data, never as formulas. Every module writes its exports with it.
 * <p>The formula rule: a text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage
 * return gets a leading apostrophe, which Excel, LibreOffice and Google Sheets show as text and do not run
 * (names and descriptions are typed by people). A cell that is a plain number stays as it is, so that
 * negative amounts (a reversing payment, {@code -1500000.00}) remain numbers: {@link Number} cells, and text
 * that is only an optional sign, digits and at most one decimal point or comma ({@code -12}, {@code -1,5}).
 * Anything else, such as {@code -1+1} or {@code =SUM(A1)}, is neutralised.
 */
public final class CsvWriter {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(?:[.,][0-9]+)?");

    private final Writer out;
    private final char delimiter;

    /** Comma-separated. */
    public CsvWriter(Writer out) {
        this(out, ',');
    }

    /** With this delimiter, e.g. {@code ;} for Excel with Indonesian regional settings. */
    public CsvWriter(Writer out, char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("a delimiter cannot be a quote or a line break");
        }
        this.out = out;
        this.delimiter = delimiter;
    }

    /** One record; {@code null} cells are empty. */
    public CsvWriter printRecord(Object... cells) {
        return printRecord(List.of(cells.length == 0 ? new Object[0] : nonNull(cells)));
    }

    /** One record; {@code null} cells are empty. */
    public CsvWriter printRecord(Iterable<?> cells) {
        try {
            boolean first = true;
            for (Object cell : cells) {
                if (!first) {
                    out.write(delimiter);
                }
                String text = text(cell);
                // an empty first cell is written "" so that a record of one empty cell is not an empty line
                out.write(first && text.isEmpty() ? "\"\"" : quote(text));
                first = false;
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell's text as written (before quoting): numbers plain, formula-like text neutralised. */
    public static String text(Object cell) {
        if (cell == null || cell == NULL) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (cell instanceof Number number) {
            return number.toString();
        }
        return safe(cell.toString());
    }

    /** Text a spreadsheet shows as it is, never runs as a formula (see the class comment for the rule). */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!trigger || ((first == '-' || first == '+') && PLAIN_NUMBER.matcher(value).matches())) {
            return value;
        }
        return "'" + value;
    }

    private String quote(String text) {
        boolean needs = false;
        for (int i = 0; i < text.length() && !needs; i++) {
            char c = text.charAt(i);
            needs = c == delimiter || c == '"' || c == '\r' || c == '\n';
        }
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static final Object NULL = new Object();

    private static Object[] nonNull(Object[] cells) {
        Object[] copy = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            copy[i] = cells[i] == null ? NULL : cells[i];
        }
        return copy;
    }
}
