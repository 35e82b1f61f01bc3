package id.gapura.budgeting.internal;

import id.gapura.api.csv.CsvWriter;

import id.gapura.api.ProblemException;
import id.gapura.budgeting.api.BudgetFigures;
import id.gapura.budgeting.api.ProgrammeBudget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * RKA per agency (programme → kegiatan → sub kegiatan → account → lines) and recapitulations by programme, by
 * account group and by agency, for a locked version or the lines as they stand; as data, CSV and printable HTML.
 * Absorption (realisation against the DPA in force) per programme and per agency. Also the {@link BudgetFigures}
 * other modules read.
 */
@Component(service = {Reports.class, BudgetFigures.class})
public class Reports implements BudgetFigures {

    public record Item(long lineId, String description, BigDecimal volume, String unit, BigDecimal unitPrice, BigDecimal amount) {
    }

    public record Node(String level, String code, String name, BigDecimal total, List<Node> children, List<Item> lines) {
    }

    public record Rka(int year, String version, String agencyCode, String agencyName, BigDecimal total, List<Node> programmes) {
    }

    public record RecapRow(String code, String name, BigDecimal total) {
    }

    public record Recap(int year, String version, String by, BigDecimal total, List<RecapRow> rows) {
    }

    /**
     * Realisation against the budget of the DPA in force, per agency's programme or per agency.
     *
     * @param absorption realisation ÷ budget in percent, 2 decimals (half up); null when the budget is zero
     */
    public record AbsorptionRow(String agencyCode, String agencyName, String code, String name, BigDecimal budget,
                                BigDecimal realisation, BigDecimal remaining, BigDecimal absorption) {
    }

    public record Absorption(int year, int version, String by, BigDecimal budget, BigDecimal realisation,
                             BigDecimal remaining, BigDecimal absorption, List<AbsorptionRow> rows) {
    }

    public static final List<String> RECAPS = List.of("programme", "account", "agency");
    public static final List<String> ABSORPTIONS = List.of("programme", "agency");

    private final Budget budget;
    private final ReferenceData reference;
    private final Realisation realisation;

    @Activate
    public Reports(@Reference Budget budget, @Reference ReferenceData reference, @Reference Realisation realisation) {
        this.budget = budget;
        this.reference = reference;
        this.realisation = realisation;
    }

    public Rka rka(int year, String version, String agencyCode) {
        ReferenceData.Entry agency = reference.agency(agencyCode);
        Map<String, String> programmes = reference.names(Codes.Kind.PROGRAMMES);
        Map<String, String> accounts = reference.names(Codes.Kind.ACCOUNTS);
        List<Budget.Snapshot> lines = budget.snapshot(year, version).stream()
                .filter(line -> line.agencyCode().equals(agencyCode)).toList();
        List<Node> tree = group(lines, line -> Codes.programOf(line.subKegiatanCode()), "program", programmes,
                programLines -> group(programLines, line -> Codes.kegiatanOf(line.subKegiatanCode()), "kegiatan", programmes,
                        kegiatanLines -> group(kegiatanLines, Budget.Snapshot::subKegiatanCode, "subkegiatan", programmes,
                                subLines -> group(subLines, Budget.Snapshot::accountCode, "account", accounts, null))));
        return new Rka(year, version, agencyCode, agency.name(), total(lines), tree);
    }

    private static List<Node> group(List<Budget.Snapshot> lines, Function<Budget.Snapshot, String> key, String level,
                                    Map<String, String> names, Function<List<Budget.Snapshot>, List<Node>> below) {
        Map<String, List<Budget.Snapshot>> groups = new TreeMap<>();
        lines.forEach(line -> groups.computeIfAbsent(key.apply(line), k -> new ArrayList<>()).add(line));
        List<Node> nodes = new ArrayList<>();
        groups.forEach((code, members) -> nodes.add(new Node(level, code, names.getOrDefault(code, "?"), total(members),
                below == null ? List.of() : below.apply(members),
                below == null ? members.stream().map(line -> new Item(line.lineId(), line.description(), line.volume(),
                        line.unit(), line.unitPrice(), line.amount())).toList() : List.of())));
        return nodes;
    }

    public Recap recap(int year, String version, String by) {
        Function<Budget.Snapshot, String> key;
        Map<String, String> names;
        switch (by) {
            case "programme" -> {
                key = line -> Codes.programOf(line.subKegiatanCode());
                names = reference.names(Codes.Kind.PROGRAMMES);
            }
            case "account" -> {
                key = line -> Codes.accountGroupOf(line.accountCode());
                names = reference.names(Codes.Kind.ACCOUNTS);
            }
            case "agency" -> {
                key = Budget.Snapshot::agencyCode;
                names = reference.names(Codes.Kind.AGENCIES);
            }
            default -> throw ProblemException.notFound("No recapitulation by \"" + by + "\"; there are " + String.join(", ", RECAPS) + ".");
        }
        List<Budget.Snapshot> lines = budget.snapshot(year, version);
        Map<String, BigDecimal> totals = new TreeMap<>();
        lines.forEach(line -> totals.merge(key.apply(line), line.amount(), BigDecimal::add));
        List<RecapRow> rows = new ArrayList<>();
        totals.forEach((code, total) -> rows.add(new RecapRow(code, names.getOrDefault(code, "?"), total)));
        return new Recap(year, version, by, total(lines), rows);
    }

    /**
     * Absorption of the DPA in force: per agency's programme ({@code programme}) or per agency ({@code agency}), of
     * one agency only when {@code agencyCode} is given. Realisation is every entry of the year, reversals netted.
     */
    public Absorption absorption(int year, String by, String agencyCode) {
        if (!ABSORPTIONS.contains(by)) {
            throw ProblemException.notFound("No absorption report by \"" + by + "\"; there are " + String.join(", ", ABSORPTIONS) + ".");
        }
        Budget.VersionView version = budget.lockedVersion(year).orElseThrow(() -> ProblemException.conflict("Fiscal year " + year
                + " has no locked DPA yet; absorption is measured against the DPA in force."));
        Map<String, String> agencies = reference.names(Codes.Kind.AGENCIES);
        Map<String, String> programmes = reference.names(Codes.Kind.PROGRAMMES);
        List<AbsorptionRow> rows = new ArrayList<>();
        figures(year, version.version(), "programme".equals(by)).forEach((key, amounts) -> {
            if (agencyCode == null || agencyCode.equals(key.get(0))) {
                String code = key.get(1);
                rows.add(row(key.get(0), agencies.getOrDefault(key.get(0), "?"), code,
                        "programme".equals(by) ? programmes.getOrDefault(code, "?") : agencies.getOrDefault(code, "?"),
                        amounts[0], amounts[1]));
            }
        });
        BigDecimal planned = rows.stream().map(AbsorptionRow::budget).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal spent = rows.stream().map(AbsorptionRow::realisation).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Absorption(year, version.version(), by, planned, spent, planned.subtract(spent), percent(spent, planned), rows);
    }

    /** Budget and realisation per [agency, programme] (or [agency, agency]), in code order. */
    private Map<List<String>, BigDecimal[]> figures(int year, int version, boolean byProgramme) {
        Map<List<String>, BigDecimal[]> figures = new TreeMap<>((a, b) -> (a.get(0) + " " + a.get(1)).compareTo(b.get(0) + " " + b.get(1)));
        java.util.function.BiFunction<String, String, List<String>> key = (agency, sub) ->
                List.of(agency, byProgramme ? Codes.programOf(sub) : agency);
        budget.snapshot(year, Integer.toString(version)).forEach(line -> {
            BigDecimal[] amounts = figures.computeIfAbsent(key.apply(line.agencyCode(), line.subKegiatanCode()), k -> zeros());
            amounts[0] = amounts[0].add(line.amount());
        });
        realisation.totals(year).forEach((scope, spent) -> {
            BigDecimal[] amounts = figures.computeIfAbsent(key.apply(scope.agencyCode(), scope.subKegiatanCode()), k -> zeros());
            amounts[1] = amounts[1].add(spent);
        });
        return figures;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[]{BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
    }

    private static AbsorptionRow row(String agency, String agencyName, String code, String name, BigDecimal planned, BigDecimal spent) {
        return new AbsorptionRow(agency, agencyName, code, name, planned, spent, planned.subtract(spent), percent(spent, planned));
    }

    static BigDecimal percent(BigDecimal spent, BigDecimal planned) {
        return planned.signum() == 0 ? null : spent.multiply(BigDecimal.valueOf(100)).divide(planned, 2, java.math.RoundingMode.HALF_UP);
    }

    // ---- CSV and HTML -----------------------------------------------------------------------------------

    public static String csv(Absorption absorption) {
        return csv(List.of("agency_code", "agency_name", "code", "name", "budget", "realisation", "remaining", "absorption_percent"), printer -> {
            for (AbsorptionRow row : absorption.rows()) {
                printer.printRecord(row.agencyCode(), row.agencyName(), row.code(), row.name(), row.budget().toPlainString(),
                        row.realisation().toPlainString(), row.remaining().toPlainString(),
                        row.absorption() == null ? "" : row.absorption().toPlainString());
            }
        });
    }

    public static String html(Absorption absorption) {
        String title = "programme".equals(absorption.by()) ? "Realisasi Anggaran menurut Program" : "Realisasi Anggaran menurut Perangkat Daerah";
        StringBuilder html = page(title + " " + absorption.year(), title + ", tahun anggaran " + absorption.year()
                + ", terhadap DPA versi " + absorption.version());
        html.append("<table>\n<thead><tr><th>Perangkat Daerah</th><th>Kode</th><th>Uraian</th><th>Anggaran</th><th>Realisasi</th>"
                + "<th>Sisa</th><th>Penyerapan</th></tr></thead>\n<tbody>\n");
        for (AbsorptionRow row : absorption.rows()) {
            html.append("<tr><td>").append(escape(row.agencyCode())).append("</td><td>").append(escape(row.code())).append("</td><td>")
                    .append(escape(row.name())).append("</td><td class=\"n\">").append(escape(Rupiah.format(row.budget())))
                    .append("</td><td class=\"n\">").append(escape(Rupiah.format(row.realisation()))).append("</td><td class=\"n\">")
                    .append(escape(Rupiah.format(row.remaining()))).append("</td><td class=\"n\">").append(escape(percentText(row.absorption())))
                    .append("</td></tr>\n");
        }
        html.append("<tr class=\"total\"><td></td><td></td><td>Jumlah</td><td class=\"n\">").append(escape(Rupiah.format(absorption.budget())))
                .append("</td><td class=\"n\">").append(escape(Rupiah.format(absorption.realisation()))).append("</td><td class=\"n\">")
                .append(escape(Rupiah.format(absorption.remaining()))).append("</td><td class=\"n\">")
                .append(escape(percentText(absorption.absorption()))).append("</td></tr>\n</tbody>\n</table>\n</body>\n</html>\n");
        return html.toString();
    }

    /** {@code 12,34%} the Indonesian way; a dash without budget. */
    static String percentText(BigDecimal percent) {
        return percent == null ? "–" : percent.toPlainString().replace('.', ',') + "%";
    }

    public static String csv(Rka rka) {
        return csv(List.of("program_code", "program_name", "kegiatan_code", "kegiatan_name", "sub_kegiatan_code",
                "sub_kegiatan_name", "account_code", "account_name", "line_id", "description", "volume", "unit", "unit_price", "amount"), printer -> {
            for (Node program : rka.programmes()) {
                for (Node kegiatan : program.children()) {
                    for (Node sub : kegiatan.children()) {
                        for (Node account : sub.children()) {
                            for (Item item : account.lines()) {
                                printer.printRecord(program.code(), program.name(), kegiatan.code(), kegiatan.name(), sub.code(),
                                        sub.name(), account.code(), account.name(), item.lineId(), item.description(),
                                        item.volume().stripTrailingZeros().toPlainString(), item.unit(),
                                        item.unitPrice().toPlainString(), item.amount().toPlainString());
                            }
                        }
                    }
                }
            }
        });
    }

    public static String csv(Recap recap) {
        return csv(List.of("code", "name", "total"), printer -> {
            for (RecapRow row : recap.rows()) {
                printer.printRecord(row.code(), row.name(), row.total().toPlainString());
            }
        });
    }

    interface Rows {
        void print(CsvWriter printer) throws IOException;
    }

    /**
     * CSV (RFC 4180, CRLF) with a header, through the platform's {@link CsvWriter}: text a spreadsheet would run
     * as a formula (names, descriptions, document numbers typed by people) is neutralised, plain numbers such as
     * a reversal's negative amount stay numbers.
     */
    static String csv(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        CsvWriter printer = new CsvWriter(out);
        printer.printRecord(header);
        try {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String html(Rka rka) {
        StringBuilder html = page("RKA " + rka.agencyName() + " " + rka.year(),
                "Rencana Kerja dan Anggaran (RKA) — " + rka.agencyName() + " (" + rka.agencyCode() + "), tahun anggaran "
                        + rka.year() + ", versi " + rka.version());
        html.append("<table>\n<thead><tr><th>Kode</th><th>Uraian</th><th>Volume</th><th>Satuan</th><th>Harga satuan</th>"
                + "<th>Jumlah</th></tr></thead>\n<tbody>\n");
        for (Node program : rka.programmes()) {
            node(html, program, "program");
            for (Node kegiatan : program.children()) {
                node(html, kegiatan, "kegiatan");
                for (Node sub : kegiatan.children()) {
                    node(html, sub, "subkegiatan");
                    for (Node account : sub.children()) {
                        node(html, account, "account");
                        for (Item item : account.lines()) {
                            html.append("<tr class=\"line\"><td></td><td>").append(escape(item.description())).append("</td><td class=\"n\">")
                                    .append(escape(item.volume().stripTrailingZeros().toPlainString())).append("</td><td>")
                                    .append(escape(item.unit())).append("</td><td class=\"n\">").append(escape(Rupiah.format(item.unitPrice())))
                                    .append("</td><td class=\"n\">").append(escape(Rupiah.format(item.amount()))).append("</td></tr>\n");
                        }
                    }
                }
            }
        }
        html.append("<tr class=\"total\"><td></td><td>Jumlah</td><td></td><td></td><td></td><td class=\"n\">")
                .append(escape(Rupiah.format(rka.total()))).append("</td></tr>\n</tbody>\n</table>\n</body>\n</html>\n");
        return html.toString();
    }

    public static String html(Recap recap, String title) {
        StringBuilder html = page(title + " " + recap.year(), title + ", tahun anggaran " + recap.year() + ", versi " + recap.version());
        html.append("<table>\n<thead><tr><th>Kode</th><th>Uraian</th><th>Jumlah</th></tr></thead>\n<tbody>\n");
        for (RecapRow row : recap.rows()) {
            html.append("<tr><td>").append(escape(row.code())).append("</td><td>").append(escape(row.name()))
                    .append("</td><td class=\"n\">").append(escape(Rupiah.format(row.total()))).append("</td></tr>\n");
        }
        html.append("<tr class=\"total\"><td></td><td>Jumlah</td><td class=\"n\">").append(escape(Rupiah.format(recap.total())))
                .append("</td></tr>\n</tbody>\n</table>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void node(StringBuilder html, Node node, String level) {
        html.append("<tr class=\"").append(level).append("\"><td>").append(escape(node.code())).append("</td><td>")
                .append(escape(node.name())).append("</td><td></td><td></td><td></td><td class=\"n\">")
                .append(escape(Rupiah.format(node.total()))).append("</td></tr>\n");
    }

    private static StringBuilder page(String title, String heading) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n" + PRINT_STYLE + "</head>\n<body>\n<h1>")
                .append(escape(heading)).append("</h1>\n");
    }

    /** The platform's style sheet for printable reports (an inline style would be refused by the pages' CSP). */
    static final String PRINT_STYLE = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<link rel=\"stylesheet\" href=\"/aset/gapura/cetak.css\">\n";

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // ---- for other modules ------------------------------------------------------------------------------

    @Override
    public List<ProgrammeBudget> byProgramme(String agencyCode, int year) {
        return byProgramme(year).stream().filter(figure -> figure.agencyCode().equals(agencyCode)).toList();
    }

    @Override
    public List<ProgrammeBudget> byProgramme(int year) {
        if (budget.years().stream().noneMatch(y -> y.year() == year)) {
            return List.of();
        }
        return budget.lockedVersion(year).map(version -> {
            Map<String, String> names = reference.names(Codes.Kind.PROGRAMMES);
            List<ProgrammeBudget> figures = new ArrayList<>();
            figures(year, version.version(), true).forEach((key, amounts) -> figures.add(new ProgrammeBudget(key.get(0), year,
                    version.version(), key.get(1), names.getOrDefault(key.get(1), "?"), amounts[0], amounts[1])));
            return figures;
        }).orElse(List.of());
    }

    private static BigDecimal total(List<Budget.Snapshot> lines) {
        return lines.stream().map(Budget.Snapshot::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
