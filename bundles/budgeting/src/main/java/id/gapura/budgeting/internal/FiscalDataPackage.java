package id.gapura.budgeting.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.gapura.api.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A fiscal year's DPA in force and its realisation as an open-data Fiscal Data Package: a Frictionless
 * {@code datapackage.json} describing two tabular resources, {@code budget.csv} (the budget lines, phase approved for
 * the murni or adjusted for a perubahan/pergeseran) and {@code realisation.csv} (payments, phase executed, label
 * realisasi), whose columns carry the fiscal column types of the mapping in the domain notes (agency →
 * administrative-classification, urusan/bidang → functional-classification, account → economic-classification,
 * program/kegiatan/sub kegiatan → activity, phase, amount → value in IDR, year → date:fiscal-year), typed as the
 * Fiscal Data Package 1.0 budget taxonomy types them (a fiscal year is an integer, the currency and the direction
 * are columns, {@code value-currency:code} and {@code direction}). The account is given at each of its six levels
 * (akun to sub rincian objek, derived from the code's structure) and the levels' order is declared with
 * {@code prior} in the descriptor's {@code columnTypes}, so that a consumer can aggregate at any level. Columns
 * added after the first version of the export come after the columns it had, which keep their names and order.
 */
@Component(service = FiscalDataPackage.class)
public class FiscalDataPackage {

    /** The package: its descriptor, the budget lines of the DPA in force and the realisation entries of the year. */
    public record Export(String name, String descriptor, String csv, String realisationCsv) {
        public byte[] zip() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                entry(zip, name + "/datapackage.json", descriptor);
                entry(zip, name + "/" + BUDGET_CSV, csv);
                entry(zip, name + "/" + REALISATION_CSV, realisationCsv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        private static void entry(ZipOutputStream zip, String path, String text) throws IOException {
            zip.putNextEntry(new ZipEntry(path));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    static final String BUDGET_CSV = "budget.csv";
    static final String REALISATION_CSV = "realisation.csv";

    /**
     * Column name, Table Schema type, fiscal column type (null: none), description, whether every row has a value,
     * and the only values it may hold (null: any).
     */
    record Column(String name, String type, String columnType, String title, boolean required, List<String> values) {
        Column(String name, String type, String columnType, String title, boolean required) {
            this(name, type, columnType, title, required, null);
        }

        Column(String name, String type, String columnType, String title) {
            this(name, type, columnType, title, true, null);
        }
    }

    static final String ECONOMIC = "economic-classification:generic:level";
    static final String FUNCTIONAL = "functional-classification:generic:level";
    /** The budget taxonomy of the Fiscal Data Package 1.0, the default the descriptor keeps when it adds types. */
    static final String BUDGET_TAXONOMY = "https://frictionlessdata.io/taxonomies/fiscal/budgets.json";
    static final String DIRECTION = "expenditure";
    static final String CURRENCY = "IDR";

    /** Who spends on what: the classification columns the budget lines and the realisation share, in this order. */
    private static final List<Column> CLASSIFICATION = List.of(
            new Column("agency_code", "string", "administrative-classification:generic:level1:code", "Agency (SKPD/OPD) code"),
            new Column("agency_name", "string", "administrative-classification:generic:level1:label", "Agency name"),
            new Column("urusan_code", "string", "functional-classification:generic:level1:code", "Urusan code"),
            new Column("urusan_name", "string", "functional-classification:generic:level1:label", "Urusan"),
            new Column("bidang_code", "string", "functional-classification:generic:level2:code", "Bidang urusan code"),
            new Column("bidang_name", "string", "functional-classification:generic:level2:label", "Bidang urusan"),
            new Column("program_code", "string", "activity:generic:program:code", "Program code"),
            new Column("program_name", "string", "activity:generic:program:label", "Program"),
            new Column("kegiatan_code", "string", "activity:generic:project:code", "Kegiatan code"),
            new Column("kegiatan_name", "string", "activity:generic:project:label", "Kegiatan"),
            new Column("sub_kegiatan_code", "string", "activity:generic:subproject:code", "Sub kegiatan code"),
            new Column("sub_kegiatan_name", "string", "activity:generic:subproject:label", "Sub kegiatan"),
            new Column("account_code", "string", ECONOMIC + "6:code", "Account (kode rekening) code, sub rincian objek"),
            new Column("account_name", "string", ECONOMIC + "6:label", "Account"));

    /**
     * What every row of both resources is: expenditure (belanja, account 5) in rupiah; and the account's upper levels
     * per Permendagri 90/2019, each the parent of the next, down to {@code account_code} (level 6).
     */
    private static final List<Column> FISCAL_ATTRIBUTES = List.of(
            new Column("direction", "string", "direction", "Direction: expenditure (belanja)", true, List.of(DIRECTION)),
            new Column("currency", "string", "value-currency:code", "Currency of the amount (ISO 4217)", true, List.of(CURRENCY)),
            new Column("akun_code", "string", ECONOMIC + "1:code", "Akun code (account level 1)"),
            new Column("akun_name", "string", ECONOMIC + "1:label", "Akun"),
            new Column("kelompok_code", "string", ECONOMIC + "2:code", "Kelompok code (account level 2)"),
            new Column("kelompok_name", "string", ECONOMIC + "2:label", "Kelompok"),
            new Column("jenis_code", "string", ECONOMIC + "3:code", "Jenis code (account level 3)"),
            new Column("jenis_name", "string", ECONOMIC + "3:label", "Jenis"),
            new Column("objek_code", "string", ECONOMIC + "4:code", "Objek code (account level 4)"),
            new Column("objek_name", "string", ECONOMIC + "4:label", "Objek"),
            new Column("rincian_objek_code", "string", ECONOMIC + "5:code", "Rincian objek code (account level 5)"),
            new Column("rincian_objek_name", "string", ECONOMIC + "5:label", "Rincian objek"));

    static final List<Column> COLUMNS = concat(List.of(
            new Column("line_id", "integer", null, "Budget line (rincian belanja) number"),
            new Column("fiscal_year", "integer", "date:fiscal-year", "Fiscal year (tahun anggaran)"),
            new Column("phase", "string", "phase:id", "Budget phase: approved (APBD murni) or adjusted (perubahan/pergeseran)"),
            new Column("phase_label", "string", "phase:label", "Phase in Indonesian: murni, perubahan, pergeseran"),
            new Column("version", "integer", null, "DPA version")),
            CLASSIFICATION, List.of(
            new Column("description", "string", null, "What is bought", false),
            new Column("amount", "number", "value", "Amount in rupiah (IDR)")), FISCAL_ATTRIBUTES);

    /** The realisation entries (phase executed, realisasi); a reversal has a negative amount and names the entry it cancels. */
    static final List<Column> REALISATION_COLUMNS = concat(List.of(
            new Column("entry_id", "integer", null, "Realisation entry number"),
            new Column("reverses_entry_id", "integer", null, "The entry this one reverses (a correction), if any", false),
            new Column("fiscal_year", "integer", "date:fiscal-year", "Fiscal year (tahun anggaran)"),
            new Column("phase", "string", "phase:id", "Budget phase: executed (realisasi)"),
            new Column("phase_label", "string", "phase:label", "Phase in Indonesian: realisasi"),
            new Column("version", "integer", null, "DPA version in force when the payment was recorded"),
            new Column("date", "date", "date:generic", "Payment date")),
            CLASSIFICATION, List.of(
            new Column("document", "string", null, "Payment document (e.g. SP2D number)"),
            new Column("description", "string", null, "What was paid", false),
            new Column("amount", "number", "value", "Amount in rupiah (IDR); negative for a reversal")), FISCAL_ATTRIBUTES);

    @SafeVarargs
    private static List<Column> concat(List<Column>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Budget budget;
    private final ReferenceData reference;
    private final Realisation realisation;

    @Activate
    public FiscalDataPackage(@Reference Budget budget, @Reference ReferenceData reference, @Reference Realisation realisation) {
        this.budget = budget;
        this.reference = reference;
        this.realisation = realisation;
    }

    /** The newest locked DPA version of the year; refused while the year has none. */
    public Export export(int year, String region) {
        Budget.VersionView version = budget.lockedVersion(year).orElseThrow(() -> ProblemException.conflict(
                "Fiscal year " + year + " has no locked DPA yet; the open data export publishes the DPA in force."));
        Map<String, String> programmes = reference.names(Codes.Kind.PROGRAMMES);
        Map<String, String> accounts = reference.names(Codes.Kind.ACCOUNTS);
        Map<String, String> agencies = reference.names(Codes.Kind.AGENCIES);
        String phase = "murni".equals(version.kind()) ? "approved" : "adjusted";
        String csv = Reports.csv(COLUMNS.stream().map(Column::name).toList(), printer -> {
            for (Budget.Snapshot line : budget.snapshot(year, Integer.toString(version.version()))) {
                String sub = line.subKegiatanCode();
                String urusan = sub.substring(0, sub.indexOf('.'));
                String bidang = Codes.bidangOf(sub);
                String program = Codes.programOf(sub);
                String kegiatan = Codes.kegiatanOf(sub);
                List<Object> row = new ArrayList<>(Arrays.asList(line.lineId(), year, phase, version.kind(), version.version(),
                        line.agencyCode(), agencies.getOrDefault(line.agencyCode(), ""),
                        urusan, programmes.getOrDefault(urusan, ""), bidang, programmes.getOrDefault(bidang, ""),
                        program, programmes.getOrDefault(program, ""), kegiatan, programmes.getOrDefault(kegiatan, ""),
                        sub, programmes.getOrDefault(sub, ""), line.accountCode(), accounts.getOrDefault(line.accountCode(), ""),
                        line.description(), line.amount().toPlainString()));
                row.addAll(fiscalAttributes(line.accountCode(), accounts));
                printer.printRecord(row);
            }
        });
        String realised = Reports.csv(REALISATION_COLUMNS.stream().map(Column::name).toList(), printer -> {
            for (Realisation.Entry entry : realisation.entries(year, null)) {
                String sub = entry.subKegiatanCode();
                String urusan = sub.substring(0, sub.indexOf('.'));
                String bidang = Codes.bidangOf(sub);
                String program = Codes.programOf(sub);
                String kegiatan = Codes.kegiatanOf(sub);
                List<Object> row = new ArrayList<>(Arrays.asList(entry.id(), entry.reversesId() == null ? "" : entry.reversesId(),
                        year, "executed", "realisasi",
                        entry.version(), entry.date(), entry.agencyCode(), agencies.getOrDefault(entry.agencyCode(), ""),
                        urusan, programmes.getOrDefault(urusan, ""), bidang, programmes.getOrDefault(bidang, ""),
                        program, programmes.getOrDefault(program, ""), kegiatan, programmes.getOrDefault(kegiatan, ""),
                        sub, programmes.getOrDefault(sub, ""), entry.accountCode(), accounts.getOrDefault(entry.accountCode(), ""),
                        entry.document(), entry.description() == null ? "" : entry.description(), entry.amount().toPlainString()));
                row.addAll(fiscalAttributes(entry.accountCode(), accounts));
                printer.printRecord(row);
            }
        });
        String name = ("apbd-" + region + "-" + year).toLowerCase().replaceAll("[^a-z0-9._-]+", "-");
        return new Export(name, descriptor(name, year, region, version, phase), csv, realised);
    }

    /** The values of {@link #FISCAL_ATTRIBUTES} for a line on an account (always a level-6 expenditure account). */
    private static List<Object> fiscalAttributes(String account, Map<String, String> accounts) {
        List<Object> values = new ArrayList<>(List.of(DIRECTION, CURRENCY));
        List<String> path = Codes.accountPath(account);
        for (String level : path.subList(0, path.size() - 1)) {
            values.add(level);
            values.add(accounts.getOrDefault(level, ""));
        }
        return values;
    }

    /**
     * The column types the budget taxonomy does not define or does not order: the six account levels (it has four,
     * unordered) and the two functional levels, each level below the first with its {@code prior}, and their labels.
     */
    private static List<Map<String, Object>> columnTypes() {
        List<Map<String, Object>> types = new ArrayList<>();
        for (int level = 1; level <= 6; level++) {
            types.addAll(levelTypes(ECONOMIC, level));
        }
        for (int level = 1; level <= 2; level++) {
            types.addAll(levelTypes(FUNCTIONAL, level));
        }
        return types;
    }

    private static List<Map<String, Object>> levelTypes(String prefix, int level) {
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("name", prefix + level + ":code");
        code.put("dataType", "string");
        code.put("unique", true);
        if (level > 1) {
            code.put("prior", prefix + (level - 1) + ":code");
        }
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("name", prefix + level + ":label");
        label.put("dataType", "string");
        label.put("labelOf", prefix + level + ":code");
        return List.of(code, label);
    }

    private static String descriptor(String name, int year, String region, Budget.VersionView version, String phase) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("profile", "fiscal-data-package");
        descriptor.put("name", name);
        descriptor.put("title", "APBD " + region + " " + year + " — DPA versi " + version.version() + " (" + version.kind() + ")");
        descriptor.put("description", "Regional budget (APBD) expenditure lines of " + region + " for fiscal year " + year
                + " as locked in the DPA, by agency, programme nomenclature and account per Permendagri 90/2019, with the"
                + " realisation (spending) recorded against it.");
        descriptor.put("version", Integer.toString(version.version()));
        descriptor.put("created", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(version.lockedAt()));
        descriptor.put("countryCode", "ID");
        descriptor.put("currency", CURRENCY);
        descriptor.put("granularity", "transactional");
        descriptor.put("fiscalPeriod", Map.of("start", year + "-01-01", "end", year + "-12-31"));
        descriptor.put("licenses", List.of(Map.of("name", "CC-BY-4.0", "path", "https://creativecommons.org/licenses/by/4.0/",
                "title", "Creative Commons Attribution 4.0")));
        descriptor.put("keywords", List.of("APBD", "budget", "Indonesia", phase, "executed", "realisasi"));
        // the default taxonomy first (naming the property replaces the default), then what this package adds to it
        descriptor.put("columnTypes", List.of(BUDGET_TAXONOMY, columnTypes()));
        descriptor.put("resources", List.of(
                resource("budget", BUDGET_CSV, "Budget lines (rincian belanja) of the DPA in force", COLUMNS, "line_id"),
                resource("realisation", REALISATION_CSV, "Realisation (realisasi): payments against the DPA, corrections as"
                        + " reversing entries", REALISATION_COLUMNS, "entry_id")));
        try {
            return JSON.writeValueAsString(descriptor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> resource(String name, String path, String title, List<Column> columns, String primaryKey) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Column column : columns) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", column.name());
            field.put("title", column.title());
            field.put("type", column.type());
            if ("date".equals(column.type())) {
                field.put("format", "default");
            }
            if (column.columnType() != null) {
                field.put("columnType", column.columnType());
            }
            if (column.name().equals("amount")) {
                field.put("decimalChar", ".");
                field.put("groupChar", "");
                // kept for the consumers of the first version; the Fiscal Data Package way is the currency column
                field.put("currency", CURRENCY);
            }
            Map<String, Object> constraints = new LinkedHashMap<>();
            constraints.put("required", column.required());
            if (column.values() != null) {
                constraints.put("enum", column.values());
            }
            field.put("constraints", constraints);
            fields.add(field);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields);
        schema.put("primaryKey", List.of(primaryKey));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", name);
        resource.put("title", title);
        resource.put("path", path);
        resource.put("profile", "tabular-data-resource");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        // CSV Dialect: delimiter and doubleQuote are required by the standard's schema; CsvWriter doubles quotes
        Map<String, Object> dialect = new LinkedHashMap<>();
        dialect.put("delimiter", ",");
        dialect.put("doubleQuote", true);
        dialect.put("quoteChar", "\"");
        dialect.put("lineTerminator", "\r\n");
        dialect.put("header", true);
        resource.put("dialect", dialect);
        resource.put("schema", schema);
        return resource;
    }
}
