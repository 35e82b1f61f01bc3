package id.gapura.complaints.internal;

import id.gapura.complaints.internal.StatsService.Bucket;
import id.gapura.complaints.internal.StatsService.Dimension;
import id.gapura.complaints.internal.StatsService.OverdueReport;
import id.gapura.api.csv.CsvWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Statistics and the overdue list as CSV (RFC 4180, UTF-8, CRLF) for spreadsheets.
 * <ul>
 * <li>Written with the platform's {@link CsvWriter}: text cells that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or carriage return) get a leading apostrophe, since names are typed by
 * people and a CSV opened in Excel must not run them; a cell that is only a number ({@code -1}) stays one.</li>
 * <li>By default the file starts with a UTF-8 byte order mark: Excel on Windows reads a CSV without one in
 * the ANSI code page and garbles every non-ASCII character (names with é, –, or regional scripts); with it,
 * Excel, LibreOffice and Google Sheets all read UTF-8. Scripts that do not want it ask for none.</li>
 * <li>Excel with Indonesian regional settings (the usual case in a Pemda office) expects {@code ;} between
 * cells and a decimal comma; {@link Options#indonesianExcel()} writes that, so that a double-click opens the
 * file in columns.</li>
 * </ul>
 */
public final class CsvExport {

    /** The media type of every export. */
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /**
     * @param byteOrderMark   start with the UTF-8 byte order mark (for Excel)
     * @param indonesianExcel semicolons between cells and decimal commas, as Excel in the id-ID locale reads them
     */
    public record Options(boolean byteOrderMark, boolean indonesianExcel) {
        public static final Options DEFAULT = new Options(true, false);
    }

    private final CsvWriter printer;
    private final Options options;
    private ZoneId zone;

    private CsvExport(OutputStream out, Options options) {
        this.options = options;
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (options.byteOrderMark()) {
                writer.write('\uFEFF');
            }
            printer = new CsvWriter(writer, options.indonesianExcel() ? ';' : ',');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One breakdown of the statistics: the dimension's code and name, then the counts. */
    public static void breakdown(Dimension dimension, Iterable<Bucket> buckets, OutputStream out, Options options) {
        CsvExport csv = new CsvExport(out, options);
        csv.row(dimension.code(), "name", "reports", "due_or_answered", "answered_on_time", "on_time_percent");
        for (Bucket bucket : buckets) {
            csv.row(safe(bucket.code()), safe(bucket.name()), bucket.reports(),
                    bucket.timeliness().dueOrAnswered(), bucket.timeliness().answeredOnTime(),
                    csv.decimal(bucket.timeliness().percent()));
        }
        csv.flush();
    }

    /** Writes the overdue list's header; then {@link #overdue(OverdueReport)} per report and {@link #flush()}. */
    public static CsvExport overdue(OutputStream out, Options options, ZoneId zone) {
        CsvExport csv = new CsvExport(out, options);
        csv.zone = zone;
        csv.row("tracking_number", "category", "category_name", "agency", "agency_name", "status", "stage",
                "deadline (" + zone.getId() + ")", "days_overdue");
        return csv;
    }

    public void overdue(OverdueReport report) {
        row(safe(report.trackingNumber()), safe(report.serviceCode()), safe(report.serviceName()),
                safe(report.agencyCode()), safe(report.agencyName()), report.status().name().toLowerCase(Locale.ROOT),
                report.stage(), LOCAL_TIME.format(report.deadline().atZone(zone)), report.daysOverdue());
    }

    public void flush() {
        printer.flush();
    }

    private void row(Object... cells) {
        printer.printRecord(cells);
    }

    private String decimal(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String plain = value.toPlainString();
        return options.indonesianExcel() ? plain.replace('.', ',') : plain;
    }

    /** The cell as text a spreadsheet shows as it is, never as a formula ({@link CsvWriter#safe}). */
    static String safe(String value) {
        return CsvWriter.safe(value);
    }
}
