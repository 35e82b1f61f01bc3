package id.gapura.sakip.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The LKjIP as a printable HTML page (Indonesian headings, numbers in Indonesian notation). */
public final class LkjipHtml {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm z", Locale.forLanguageTag("id"));

    private LkjipHtml() {
    }

    public static String render(Lkjip.Report report, ZoneId zone) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"UTF-8\"><title>LKjIP ")
                .append(escape(report.agencyName())).append(' ').append(report.year()).append("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"stylesheet\" href=\"/aset/gapura/cetak.css\"></head><body>\n");
        html.append("<h1>Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun ").append(report.year()).append("</h1>\n<p>")
                .append(escape(report.agencyName())).append(" (").append(escape(report.agencyCode())).append(")<br>Renstra ")
                .append(report.renstraStart()).append('–').append(report.renstraEnd()).append("; Perjanjian Kinerja versi ")
                .append(report.agreementVersion()).append(", ditandatangani oleh ").append(escape(report.signedBy()))
                .append(" pada ").append(when(report.signedAt() == null ? null : report.signedAt().toInstant(), zone)).append("</p>\n<p><b>Capaian kinerja instansi: ")
                .append(achievement(report.achievement())).append("</b></p>\n");
        for (Lkjip.ObjectiveReport objective : report.objectives()) {
            html.append("<h2>Sasaran ").append(escape(objective.code())).append(": ").append(escape(objective.statement()))
                    .append("</h2>\n<p>Tujuan ").append(escape(objective.goalCode())).append(": ").append(escape(objective.goal()));
            if (objective.regionObjective() != null) {
                html.append("<br>Mendukung sasaran daerah: ").append(escape(objective.regionObjective()));
            }
            html.append("<br><b>Capaian sasaran: ").append(achievement(objective.achievement())).append("</b></p>\n");
            html.append("<table><tr><th>Indikator</th><th>Satuan</th><th>Target</th><th>TW I</th><th>TW II</th><th>TW III</th>")
                    .append("<th>TW IV</th><th>Realisasi</th><th>Capaian</th><th>Tahun sebelumnya</th><th>Target akhir Renstra</th>")
                    .append("<th>Capaian thd target akhir</th></tr>\n");
            for (Lkjip.IndicatorReport indicator : objective.indicators()) {
                html.append("<tr><td>").append(escape(indicator.code())).append(' ').append(escape(indicator.name()))
                        .append("</td><td>").append(escape(indicator.unit())).append("</td><td class=\"n\">")
                        .append(target(indicator.target(), indicator.low(), indicator.high())).append("</td>");
                for (int q = 1; q <= 4; q++) {
                    int quarter = q;
                    html.append("<td class=\"n\">").append(indicator.quarters().stream().filter(x -> x.quarter() == quarter)
                            .findFirst().map(x -> number(x.realisation())).orElse("–")).append("</td>");
                }
                html.append("<td class=\"n\">").append(number(indicator.realisation())).append("</td><td class=\"n\">")
                        .append(achievement(indicator.achievement())).append("</td><td>");
                for (Lkjip.PreviousYear previous : indicator.previousYears()) {
                    html.append(previous.year()).append(": ").append(number(previous.realisation())).append(" (")
                            .append(achievement(previous.achievement())).append(")<br>");
                }
                html.append("</td><td class=\"n\">").append(target(indicator.endTarget(), indicator.endLow(), indicator.endHigh()))
                        .append(" (").append(indicator.endYear()).append(")</td><td class=\"n\">")
                        .append(achievement(indicator.progressToEndTarget())).append("</td></tr>\n");
            }
            html.append("</table>\n");
            budget(html, objective.budget());
        }
        html.append("<h2>Anggaran seluruh program terkait</h2>\n");
        budget(html, report.budget());
        html.append("<p class=\"note\">Capaian: indikator makin tinggi makin baik = realisasi / target × 100%; makin rendah makin")
                .append(" baik = (2 − realisasi / target) × 100%; rentang = 100% di dalam rentang, di luar rentang rumus di atas")
                .append(" terhadap batas terdekat; target 0 tidak dapat dihitung. Dibuat ").append(when(report.generatedAt().toInstant(), zone))
                .append(".</p>\n</body></html>\n");
        return html.toString();
    }

    private static void budget(StringBuilder html, Lkjip.Budget budget) {
        if (!budget.available()) {
            html.append("<p>Anggaran: tidak tersedia (modul e-budgeting tidak terpasang).</p>\n");
            return;
        }
        html.append("<table><tr><th>Program</th><th>Pagu (DPA)</th><th>Realisasi</th><th>Serapan</th></tr>\n");
        for (Lkjip.Programme programme : budget.programmes()) {
            html.append("<tr><td>").append(escape(programme.code())).append(' ')
                    .append(programme.name() == null ? "" : escape(programme.name())).append("</td><td class=\"n\">")
                    .append(rupiah(programme.allocated())).append("</td><td class=\"n\">").append(rupiah(programme.spent()))
                    .append("</td><td class=\"n\">").append(percent(programme.absorption())).append("</td></tr>\n");
        }
        html.append("<tr><th>Jumlah</th><td class=\"n\">").append(rupiah(budget.allocated())).append("</td><td class=\"n\">")
                .append(rupiah(budget.spent())).append("</td><td class=\"n\">").append(percent(budget.absorption()))
                .append("</td></tr></table>\n");
        if (budget.note() != null) {
            html.append("<p class=\"note\">").append(escape(budget.note())).append("</p>\n");
        }
    }

    private static String target(BigDecimal target, BigDecimal low, BigDecimal high) {
        return target != null ? number(target) : number(low) + " – " + number(high);
    }

    private static String achievement(Achievement achievement) {
        if (achievement == null) {
            return "–";
        }
        return achievement.computable() ? percent(achievement.percent()) : "tidak dapat dihitung (" + escape(achievement.note()) + ")";
    }

    private static String percent(BigDecimal value) {
        return value == null ? "–" : number(value.setScale(2, RoundingMode.HALF_UP)) + "%";
    }

    static String number(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("id")));
        return format.format(value);
    }

    static String rupiah(BigDecimal value) {
        return value == null ? "tidak tersedia" : "Rp" + number(value);
    }

    private static String when(Instant instant, ZoneId zone) {
        return instant == null ? "–" : WHEN.format(instant.atZone(zone));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
