package id.gapura.api.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV (RFC 4180, CRLF between records) that a spreadsheet opens as data, never as formulas. Every module
 * writes its exports with it.
 * <p>Quoting and escaping are Apache Commons CSV's ({@link CSVFormat#RFC4180} with this delimiter, minimal
 * quoting): a cell with the delimiter, a quote, CR or LF is quoted and its quotes doubled, and so, as Commons
 * CSV does for safety, is a cell that starts with a character up to {@code #} (a space, {@code !}, {@code #}...)
 * or ends with a space or a control character. An empty first cell is written {@code ""}, so that a record of
 * one empty cell is not a blank line.
 * <p>The formula rule is Gapura's: a text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 * carriage return gets a leading apostrophe, which Excel, LibreOffice and Google Sheets show as text and do not
 * run (names and descriptions are typed by people). A cell that is a plain number stays as it is, so that
 * negative amounts (a reversing payment, {@code -1500000.00}) remain numbers: {@link Number} cells, and text
 * that is only an optional sign, digits and at most one decimal point or comma ({@code -12}, {@code -1,5}).
 * Anything else, such as {@code -1+1} or {@code =SUM(A1)}, is neutralised.
 */
public final class CsvWriter {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+(?:[.,][0-9]+)?");

    private final CSVPrinter printer;

    /** Comma-separated. */
    public CsvWriter(Writer out) {
        this(out, ',');
    }

    /** With this delimiter, e.g. {@code ;} for Excel with Indonesian regional settings. */
    public CsvWriter(Writer out, char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("a delimiter cannot be a quote or a line break");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try {
            this.printer = new CSVPrinter(out, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record; {@code null} cells are empty. */
    public CsvWriter printRecord(Object... cells) {
        return printRecord(Arrays.asList(cells));
    }

    /** One record; {@code null} cells are empty. */
    public CsvWriter printRecord(Iterable<?> cells) {
        List<String> texts = new ArrayList<>();
        for (Object cell : cells) {
            // as text, never null: Commons CSV writes a null first cell unquoted, a blank line for a record of one
            texts.add(text(cell));
        }
        try {
            printer.printRecord(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell's text as written (before quoting): numbers plain, formula-like text neutralised. */
    public static String text(Object cell) {
        if (cell == null) {
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
}
