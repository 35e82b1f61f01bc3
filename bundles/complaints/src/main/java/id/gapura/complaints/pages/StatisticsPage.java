package id.gapura.complaints.pages;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import id.gapura.complaints.internal.CsvExport;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.StatsService;
import id.gapura.complaints.internal.StatsService.Bucket;
import id.gapura.complaints.internal.StatsService.Dimension;
import id.gapura.complaints.internal.StatsService.Period;
import id.gapura.complaints.internal.StatsService.Timeliness;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Figures for leaders: reports of a period by category, agency and month, the share answered within the deadline
 * and how many are overdue now, each breakdown as a bar chart (inline SVG, drawn here) with its data table, and as
 * the API's CSV ({@link CsvExport}). The period's rules are {@link StatsService#period}'s.
 */
@Component(service = Page.class, property = {Page.PATH + "=" + ComplaintsUi.STATISTICS,
        Page.AUDIENCE + "=" + Page.OFFICER, Page.ROLES + "=" + Officer.COORDINATOR, Page.ROLES + "=" + Officer.VIEWER})
public class StatisticsPage implements Page {

    static final String FROM = "dari";
    static final String TO = "sampai";
    static final String DOWNLOAD = "unduh";
    /** The breakdowns shown as charts, in this order. */
    static final List<Dimension> CHARTS = List.of(Dimension.CATEGORY, Dimension.AGENCY, Dimension.MONTH);
    // the chart's drawing, in the SVG's own units (it scales to the page's width)
    static final int LABEL_WIDTH = 230;
    static final int BAR_SPACE = 300;
    static final int ROW_HEIGHT = 28;
    static final int MAX_LABEL = 32;

    private final StatsService stats;

    @Activate
    public StatisticsPage(@Reference StatsService stats) {
        this.stats = stats;
    }

    @Override
    public View get(PageRequest request) {
        String from = request.parameter(FROM).orElse("");
        String to = request.parameter(TO).orElse("");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("from", from);
        model.put("to", to);
        Period period;
        try {
            period = stats.period(bounded(from), bounded(to));
        } catch (ProblemException e) {
            if (e.status() != 422) {
                throw e;
            }
            return View.page("officer-statistics.ftlh", "statistik.judul", model).invalid(e.errors().stream()
                    .map(StatisticsPage::fieldError).toList());
        }
        Optional<String> download = request.parameter(DOWNLOAD);
        if (download.isPresent()) {
            Optional<Dimension> dimension = Dimension.of(download.get());
            if (dimension.isEmpty()) {
                model.putAll(figures(stats.stats(period), request));
                return View.page("officer-statistics.ftlh", "statistik.judul", model)
                        .invalid(List.of(new FieldError(DOWNLOAD, "galat.statistik.unduh")));
            }
            return csv(dimension.get(), period);
        }
        model.putAll(figures(stats.stats(period), request));
        return View.page("officer-statistics.ftlh", "statistik.judul", model);
    }

    /** A date field longer than a date is not one; the service's own message says so. */
    private static String bounded(String value) {
        return value.length() > 10 ? value.substring(0, 11) : value;
    }

    private View csv(Dimension dimension, Period period) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.breakdown(dimension, stats.breakdown(dimension, period), out, CsvExport.Options.DEFAULT);
        return View.download("pengaduan-" + dimension.code() + "-" + period.from() + "_" + period.to() + ".csv",
                CsvExport.MEDIA_TYPE, out.toByteArray());
    }

    static FieldError fieldError(FieldError error) {
        String field = "to".equals(error.field()) ? TO : FROM;
        String message = error.message() == null ? "" : error.message();
        String key;
        if (message.contains("is not a date")) {
            key = "galat.statistik.tanggal";
        } else if (message.startsWith("is after")) {
            key = "galat.statistik.urutan";
        } else if (message.contains("years before")) {
            key = "galat.statistik.rentang";
        } else {
            key = "galat.statistik.tanggal";
        }
        return new FieldError(field, key);
    }

    Map<String, Object> figures(StatsService.Stats figures, PageRequest request) {
        Locale locale = request.locale();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("periodFrom", figures.period().from().toString());
        model.put("periodTo", figures.period().to().toString());
        model.put("periodText", request.message("statistik.periode",
                figures.period().from().format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale)),
                figures.period().to().format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale))));
        model.put("total", figures.total());
        model.put("overdueNow", figures.overdueNow());
        model.put("timeliness", timeliness(figures.timeliness(), locale));
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Dimension dimension : CHARTS) {
            charts.add(chart(dimension, figures.breakdowns().get(dimension), request));
        }
        model.put("charts", charts);
        model.put("downloadBase", OfficerPages.ROOT + ComplaintsUi.STATISTICS + "?" + FROM + "="
                + figures.period().from() + "&" + TO + "=" + figures.period().to() + "&" + DOWNLOAD + "=");
        model.put("downloads", List.of(Dimension.CATEGORY.code(), Dimension.AGENCY.code(), Dimension.MONTH.code(),
                Dimension.CLASS.code(), Dimension.STATUS.code()));
        return model;
    }

    private static Map<String, Object> timeliness(Timeliness timeliness, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        BigDecimal percent = timeliness.percent();
        model.put("known", percent != null);
        model.put("percent", percent == null ? "" : percent(percent, locale));
        model.put("dueOrAnswered", timeliness.dueOrAnswered());
        model.put("answeredOnTime", timeliness.answeredOnTime());
        // the bar of the share, in the same drawing units as the charts
        model.put("width", percent == null ? 0 : percent.multiply(BigDecimal.valueOf(BAR_SPACE + LABEL_WIDTH))
                .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).intValue());
        model.put("full", BAR_SPACE + LABEL_WIDTH);
        return model;
    }

    /**
     * One breakdown as a chart and a table: a line per bucket with its label, count, the bar's width and place,
     * and its share answered on time.
     */
    Map<String, Object> chart(Dimension dimension, List<Bucket> buckets, PageRequest request) {
        long max = buckets.stream().mapToLong(Bucket::reports).max().orElse(0);
        List<Map<String, Object>> lines = new ArrayList<>();
        int row = 0;
        for (Bucket bucket : buckets) {
            String label = label(dimension, bucket, request);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", label);
            line.put("short", label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "\u2026" : label);
            line.put("reports", bucket.reports());
            line.put("onTime", bucket.timeliness().percent() == null ? ""
                    : percent(bucket.timeliness().percent(), request.locale()));
            line.put("width", max == 0 ? 0 : (int) (bucket.reports() * BAR_SPACE / max));
            line.put("y", row * ROW_HEIGHT);
            line.put("textY", row * ROW_HEIGHT + ROW_HEIGHT / 2 + 5);
            lines.add(line);
            row++;
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", dimension.code());
        chart.put("title", request.message("statistik.menurut." + dimension.code()));
        chart.put("lines", lines);
        chart.put("height", Math.max(1, lines.size()) * ROW_HEIGHT);
        chart.put("labelWidth", LABEL_WIDTH);
        chart.put("barX", LABEL_WIDTH + 8);
        chart.put("width", LABEL_WIDTH + 8 + BAR_SPACE + 60);
        return chart;
    }

    private static String label(Dimension dimension, Bucket bucket, PageRequest request) {
        if (dimension == Dimension.AGENCY && bucket.code() == null) {
            return request.message("statistik.tanpaInstansi");
        }
        if (dimension == Dimension.MONTH) {
            try {
                String month = YearMonth.parse(bucket.code()).format(DateTimeFormatter.ofPattern("MMMM yyyy",
                        request.locale()));
                return Character.toUpperCase(month.charAt(0)) + month.substring(1);
            } catch (DateTimeParseException e) {
                return bucket.code();
            }
        }
        return bucket.name() == null || bucket.name().isBlank() ? String.valueOf(bucket.code()) : bucket.name();
    }

    /** A percentage as the officer reads it: {@code 87,5%} in Indonesian, {@code 87.5%} in English. */
    static String percent(BigDecimal value, Locale locale) {
        String plain = value.toPlainString();
        return ("en".equals(locale.getLanguage()) ? plain : plain.replace('.', ',')) + "%";
    }
}
