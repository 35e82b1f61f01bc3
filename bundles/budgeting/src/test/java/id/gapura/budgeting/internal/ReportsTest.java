package id.gapura.budgeting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.gapura.budgeting.api.ProgrammeBudget;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static id.gapura.budgeting.internal.CeilingsTest.ATK;
import static id.gapura.budgeting.internal.CeilingsTest.DIKNAS;
import static id.gapura.budgeting.internal.CeilingsTest.DINKES;
import static id.gapura.budgeting.internal.CeilingsTest.PC;
import static id.gapura.budgeting.internal.CeilingsTest.PERLENGKAPAN;
import static id.gapura.budgeting.internal.CeilingsTest.USB;
import static id.gapura.budgeting.internal.CeilingsTest.YEAR;
import static id.gapura.budgeting.internal.CeilingsTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports over a locked DPA, the figures other modules read, and the Fiscal Data Package checked against the standard's rules. */
class ReportsTest {

    static final String GIZI = "1.02.02.2.02.0020";
    static final String MEALS = "5.1.02.01.01.0052";

    final Actor tapd = Actor.tapd("tapd");
    TestDatabase db;
    Reports reports;

    TestDatabase database() throws Exception {
        return new TestDatabase();
    }

    @BeforeEach
    void setUp() throws Exception {
        db = database();
        reports = new Reports(db.budget, db.reference, db.realisation);
        lockedDpa(db.budget);
    }

    /**
     * A year 2027 with a locked murni DPA: Diknas Rp314.750.000 (PCs Rp300.000.000 and ATK Rp12.000.000 in USB, paper
     * Rp2.750.000 in perlengkapan), Dinkes Rp21.000.000 (posyandu meals in gizi).
     */
    static void lockedDpa(Budget budget) {
        Actor tapd = Actor.tapd("tapd");
        budget.openYear(YEAR, tapd);
        budget.setCeiling(YEAR, DIKNAS, null, new BigDecimal("1250000000"), tapd);
        budget.setCeiling(YEAR, DIKNAS, USB, new BigDecimal("1000000000"), tapd);
        budget.setCeiling(YEAR, DIKNAS, PERLENGKAPAN, new BigDecimal("250000000"), tapd);
        budget.setCeiling(YEAR, DINKES, null, new BigDecimal("500000000"), tapd);
        budget.setCeiling(YEAR, DINKES, GIZI, new BigDecimal("500000000"), tapd);
        budget.advance(YEAR, Stage.DRAFTING, tapd);
        Actor diknas = Actor.agency("diknas", DIKNAS);
        budget.addLine(YEAR, line(USB, PC, "20", "15000000"), diknas);
        budget.addLine(YEAR, line(USB, ATK, "100", "120000"), diknas);
        budget.addLine(YEAR, new Budget.LineInput(DIKNAS, PERLENGKAPAN, ATK, "Kertas HVS A4 <80 gram> & map", new BigDecimal("50"),
                "rim", new BigDecimal("55000")), diknas);
        budget.addLine(YEAR, new Budget.LineInput(DINKES, GIZI, MEALS, "Makan minum posyandu, \"PMT\"",
                new BigDecimal("1200"), "kotak", new BigDecimal("17500")), Actor.agency("dinkes", DINKES));
        budget.advance(YEAR, Stage.VERIFICATION, tapd);
        budget.verifyAgency(YEAR, DIKNAS, tapd);
        budget.verifyAgency(YEAR, DINKES, tapd);
        budget.advance(YEAR, Stage.VALIDATION, tapd);
        budget.validateAgency(YEAR, DIKNAS, Actor.head("kadisdik", DIKNAS));
        budget.validateAgency(YEAR, DINKES, Actor.head("kadinkes", DINKES));
        budget.advance(YEAR, Stage.DPA, tapd);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theRkaGoesFromProgrammeToLines() {
        Reports.Rka rka = reports.rka(YEAR, "1", DIKNAS);
        assertEquals(new BigDecimal("314750000.00"), rka.total());
        assertEquals(1, rka.programmes().size());
        Reports.Node program = rka.programmes().get(0);
        assertEquals("1.01.02", program.code());
        Reports.Node kegiatan = program.children().get(0);
        assertEquals("1.01.02.2.01", kegiatan.code());
        assertEquals(List.of(USB, PERLENGKAPAN), kegiatan.children().stream().map(Reports.Node::code).toList());
        Reports.Node usb = kegiatan.children().get(0);
        assertEquals(new BigDecimal("312000000.00"), usb.total());
        assertEquals(List.of(ATK, PC), usb.children().stream().map(Reports.Node::code).toList());
        assertEquals(1, usb.children().get(1).lines().size());

        String csv = Reports.csv(rka);
        assertTrue(csv.startsWith("program_code,program_name,kegiatan_code"), csv);
        assertEquals(4, csv.split("\r\n").length);
        String html = Reports.html(rka);
        assertTrue(html.contains("Kertas HVS A4 &lt;80 gram&gt; &amp; map"), html);
        assertFalse(html.contains("<80 gram>"));
        assertTrue(html.contains("Rp314.750.000"), html);
    }

    @Test
    void recapitulationsByProgrammeAccountGroupAndAgency() {
        Reports.Recap byAgency = reports.recap(YEAR, "1", "agency");
        assertEquals(new BigDecimal("335750000.00"), byAgency.total());
        assertEquals(List.of(new BigDecimal("314750000.00"), new BigDecimal("21000000.00")),
                byAgency.rows().stream().map(Reports.RecapRow::total).toList());
        Reports.Recap byAccount = reports.recap(YEAR, "current", "account");
        assertEquals(List.of("5.1.02", "5.2.02"), byAccount.rows().stream().map(Reports.RecapRow::code).toList());
        assertEquals(new BigDecimal("35750000.00"), byAccount.rows().get(0).total());
        Reports.Recap byProgramme = reports.recap(YEAR, "1", "programme");
        assertEquals(List.of("1.01.02", "1.02.02"), byProgramme.rows().stream().map(Reports.RecapRow::code).toList());
        assertTrue(Reports.csv(byProgramme).startsWith("code,name,total\r\n1.01.02,Program Pengelolaan Pendidikan,314750000.00\r\n"));
    }

    @Test
    void otherModulesReadTheBudgetPerProgrammeWithItsRealisation() {
        List<ProgrammeBudget> figures = reports.byProgramme(DINKES, YEAR);
        assertEquals(1, figures.size());
        assertEquals("1.02.02", figures.get(0).programmeCode());
        assertEquals(new BigDecimal("21000000.00"), figures.get(0).budget());
        assertEquals(1, figures.get(0).version());
        assertEquals(new BigDecimal("0.00"), figures.get(0).realisation());
        db.realisation.record(YEAR, new Realisation.Input(DINKES, GIZI, MEALS, "2027-02-10", new BigDecimal("5250000"),
                "SP2D-0007/LS/2027", "PMT Januari"), tapd);
        assertEquals(new BigDecimal("5250000.00"), reports.byProgramme(DINKES, YEAR).get(0).realisation());
        assertEquals(List.of(), reports.byProgramme(DINKES, 2030));
    }

    @Test
    void theFiscalDataPackageValidatesAgainstTheFrictionlessStandard() throws Exception {
        Realisation.Entry paid = db.realisation.record(YEAR, new Realisation.Input(DIKNAS, USB, PC, "2027-03-15",
                new BigDecimal("150000000"), "SP2D-0001/LS/2027", "PC lab, termin 1"), tapd);
        Realisation.Entry wrong = db.realisation.record(YEAR, new Realisation.Input(DINKES, GIZI, MEALS, "2027-04-01",
                new BigDecimal("2100000.50"), "SP2D-0002/LS/2027", null), tapd);
        db.realisation.reverse(YEAR, wrong.id(), "salah akun", tapd);
        FiscalDataPackage.Export export = new FiscalDataPackage(db.budget, db.reference, db.realisation).export(YEAR, "Kabupaten Contoh");
        JsonNode descriptor = new ObjectMapper().readTree(export.descriptor());

        // the official JSON Schemas and every CSV against its Table Schema
        assertEquals(List.of(), Frictionless.validate(descriptor, Map.of("budget.csv", export.csv(),
                "realisation.csv", export.realisationCsv())));
        assertEquals("apbd-kabupaten-contoh-2027", descriptor.get("name").asText());
        assertEquals("fiscal-data-package", descriptor.get("profile").asText());
        assertEquals(List.of("budget", "realisation"), List.of(descriptor.get("resources").get(0).get("name").asText(),
                descriptor.get("resources").get(1).get("name").asText()));
        assertEquals(2, descriptor.get("resources").size());

        // the validator does catch what breaks the standard
        ObjectNode broken = descriptor.deepCopy();
        broken.put("name", "APBD Kabupaten");
        ((ObjectNode) broken.get("resources").get(0).get("schema").get("fields").get(0)).put("type", "money");
        List<String> problems = Frictionless.validate(broken, Map.of("budget.csv", export.csv().replace("\r\n1,", "\r\nsatu,"),
                "realisation.csv", export.realisationCsv()));
        assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("datapackage.json: $.name")), problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("schema") && problem.contains("type")), problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("line_id \"satu\" is not a money")), problems.toString());

        // budget lines: phase approved (murni), the amounts add up to the DPA
        CSVParser budget = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(export.csv()));
        List<CSVRecord> lines = budget.getRecords();
        assertEquals(4, lines.size());
        assertEquals(new BigDecimal("335750000.00"), lines.stream().map(r -> new BigDecimal(r.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals("approved", lines.get(0).get("phase"));
        assertEquals("murni", lines.get(0).get("phase_label"));
        assertTrue(lines.get(2).get("description").contains("<80 gram>"));

        // realisation: phase executed (realisasi), the reversal as a negative entry naming the one it cancels
        CSVParser realised = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(export.realisationCsv()));
        List<CSVRecord> entries = realised.getRecords();
        assertEquals(3, entries.size());
        assertEquals(List.of("executed"), entries.stream().map(r -> r.get("phase")).distinct().toList());
        assertEquals(List.of("realisasi"), entries.stream().map(r -> r.get("phase_label")).distinct().toList());
        assertEquals(Long.toString(paid.id()), entries.get(0).get("entry_id"));
        assertEquals("2027-03-15", entries.get(0).get("date"));
        assertEquals("SP2D-0001/LS/2027", entries.get(0).get("document"));
        assertEquals("1.01.02", entries.get(0).get("program_code"));
        assertEquals("-2100000.50", entries.get(2).get("amount"));
        assertEquals(Long.toString(wrong.id()), entries.get(2).get("reverses_entry_id"));
        assertEquals("", entries.get(1).get("reverses_entry_id"));

        // Fiscal Data Package: the mapping of the domain notes, currency and fiscal period
        for (JsonNode resource : descriptor.get("resources")) {
            Map<String, String> columnTypes = new java.util.HashMap<>();
            resource.get("schema").get("fields").forEach(field -> {
                if (field.has("columnType")) {
                    columnTypes.put(field.get("columnType").asText(), field.get("name").asText());
                }
            });
            assertEquals("amount", columnTypes.get("value"));
            assertEquals("fiscal_year", columnTypes.get("date:fiscal-year"));
            assertEquals("phase", columnTypes.get("phase:id"));
            assertEquals("phase_label", columnTypes.get("phase:label"));
            assertEquals("agency_code", columnTypes.get("administrative-classification:generic:level1:code"));
            assertEquals("urusan_code", columnTypes.get("functional-classification:generic:level1:code"));
            assertEquals("bidang_code", columnTypes.get("functional-classification:generic:level2:code"));
            assertEquals("account_code", columnTypes.get("economic-classification:generic:level6:code"));
            assertEquals("program_code", columnTypes.get("activity:generic:program:code"));
            assertEquals("kegiatan_code", columnTypes.get("activity:generic:project:code"));
        }
        assertEquals("IDR", descriptor.get("currency").asText());
        assertEquals(LocalDate.of(YEAR, 1, 1), LocalDate.parse(descriptor.get("fiscalPeriod").get("start").asText()));
        assertEquals(LocalDate.of(YEAR, 12, 31), LocalDate.parse(descriptor.get("fiscalPeriod").get("end").asText()));

        // the zip holds the three files in one folder
        List<String> zipped = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.zip()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                zipped.add(entry.getName());
                if (entry.getName().endsWith("budget.csv")) {
                    assertEquals(export.csv(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(List.of("apbd-kabupaten-contoh-2027/datapackage.json", "apbd-kabupaten-contoh-2027/budget.csv",
                "apbd-kabupaten-contoh-2027/realisation.csv"), zipped);
    }

    /** The columns of the first export, in order: kept as they were for the consumers that read them. */
    private static final List<String> CLASSIFICATION_COLUMNS = List.of("agency_code", "agency_name", "urusan_code",
            "urusan_name", "bidang_code", "bidang_name", "program_code", "program_name", "kegiatan_code",
            "kegiatan_name", "sub_kegiatan_code", "sub_kegiatan_name", "account_code", "account_name");

    @Test
    void theFiscalDataPackageFollowsTheFiscalTaxonomy() throws Exception {
        db.realisation.record(YEAR, new Realisation.Input(DIKNAS, USB, PC, "2027-03-15", new BigDecimal("150000000"),
                "SP2D-0001/LS/2027", "PC lab, termin 1"), tapd);
        FiscalDataPackage.Export export = new FiscalDataPackage(db.budget, db.reference, db.realisation).export(YEAR, "Kabupaten Contoh");
        JsonNode descriptor = new ObjectMapper().readTree(export.descriptor());
        assertEquals(List.of(), Frictionless.validate(descriptor, Map.of("budget.csv", export.csv(),
                "realisation.csv", export.realisationCsv())));
        Map<String, String> files = Map.of("budget", export.csv(), "realisation", export.realisationCsv());
        Map<String, List<String>> before = Map.of(
                "budget", concat(List.of("line_id", "fiscal_year", "phase", "phase_label", "version"),
                        CLASSIFICATION_COLUMNS, List.of("description", "amount")),
                "realisation", concat(List.of("entry_id", "reverses_entry_id", "fiscal_year", "phase", "phase_label",
                        "version", "date"), CLASSIFICATION_COLUMNS, List.of("document", "description", "amount")));

        for (JsonNode resource : descriptor.get("resources")) {
            String name = resource.get("name").asText();
            Map<String, JsonNode> byColumnType = new java.util.HashMap<>();
            List<String> fieldNames = new ArrayList<>();
            resource.get("schema").get("fields").forEach(field -> {
                fieldNames.add(field.get("name").asText());
                if (field.has("columnType")) {
                    assertNull(byColumnType.put(field.get("columnType").asText(), field), "one column per column type");
                }
            });
            // the existing columns stay, in their order; the new ones come after them
            assertEquals(before.get(name), fieldNames.subList(0, before.get(name).size()), name);

            // date:fiscal-year is an integer in the taxonomy
            assertEquals("fiscal_year", byColumnType.get("date:fiscal-year").get("name").asText());
            assertEquals("integer", byColumnType.get("date:fiscal-year").get("type").asText(), name);

            // direction and currency are columns, as the taxonomy has them
            assertEquals("direction", byColumnType.get("direction").get("name").asText());
            assertEquals("currency", byColumnType.get("value-currency:code").get("name").asText());

            // the economic classification at every level of Permendagri 90/2019, codes and names
            List<String> levels = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int level = 1; level <= 6; level++) {
                JsonNode code = byColumnType.get("economic-classification:generic:level" + level + ":code");
                JsonNode label = byColumnType.get("economic-classification:generic:level" + level + ":label");
                assertTrue(code != null && label != null, name + " economic level " + level);
                assertEquals("string", code.get("type").asText());
                levels.add(code.get("name").asText());
                labels.add(label.get("name").asText());
            }
            assertEquals(List.of("akun_code", "kelompok_code", "jenis_code", "objek_code", "rincian_objek_code",
                    "account_code"), levels);
            assertEquals(List.of("akun_name", "kelompok_name", "jenis_name", "objek_name", "rincian_objek_name",
                    "account_name"), labels);

            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(files.get(name))).getRecords();
            assertFalse(rows.isEmpty(), name);
            for (CSVRecord row : rows) {
                assertEquals("expenditure", row.get("direction"));
                assertEquals("IDR", row.get("currency"));
                assertEquals(Integer.toString(YEAR), row.get("fiscal_year"));
                assertEquals("5", row.get("akun_code"));
                for (int level = 1; level < 6; level++) {
                    // each level is the parent of the next in the account code structure
                    assertEquals(java.util.Optional.of(row.get(levels.get(level - 1))), Codes.accountParent(row.get(levels.get(level))),
                            name + " row " + row.getRecordNumber());
                    assertFalse(row.get(labels.get(level - 1)).isEmpty(), name + " " + labels.get(level - 1));
                }
            }
        }
        CSVRecord pc = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(export.realisationCsv())).getRecords().get(0);
        assertEquals(PC, pc.get("account_code"));
        assertEquals(Codes.accountPath(PC).subList(0, 5), List.of(pc.get("akun_code"), pc.get("kelompok_code"),
                pc.get("jenis_code"), pc.get("objek_code"), pc.get("rincian_objek_code")));
        assertEquals(db.reference.names(Codes.Kind.ACCOUNTS).get(Codes.accountPath(PC).get(1)), pc.get("kelompok_name"));

        // the levels' order, declared as the Fiscal Data Package does: a prior for each level below the first,
        // after the budget taxonomy the package keeps using
        JsonNode columnTypes = descriptor.get("columnTypes");
        assertEquals("https://frictionlessdata.io/taxonomies/fiscal/budgets.json", columnTypes.get(0).asText());
        Map<String, JsonNode> declared = new java.util.HashMap<>();
        columnTypes.get(1).forEach(type -> declared.put(type.get("name").asText(), type));
        for (int level = 1; level <= 6; level++) {
            JsonNode code = declared.get("economic-classification:generic:level" + level + ":code");
            assertEquals("string", code.get("dataType").asText());
            assertTrue(code.get("unique").asBoolean());
            if (level == 1) {
                assertFalse(code.has("prior"));
            } else {
                assertEquals("economic-classification:generic:level" + (level - 1) + ":code", code.get("prior").asText());
            }
            assertEquals("economic-classification:generic:level" + level + ":code",
                    declared.get("economic-classification:generic:level" + level + ":label").get("labelOf").asText());
        }
        assertEquals("functional-classification:generic:level1:code",
                declared.get("functional-classification:generic:level2:code").get("prior").asText());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    @Test
    void thePublicRealisationCsvNeutralisesFormulaCellsAndKeepsNegativeAmounts() {
        Realisation.Entry paid = db.realisation.record(YEAR, new Realisation.Input(DINKES, GIZI, MEALS, "2027-04-01",
                new BigDecimal("2100000.50"), "=HYPERLINK(\"http://x.example\",\"klik\")", "@SUM(1+1)"), tapd);
        db.realisation.reverse(YEAR, paid.id(), "salah akun", tapd);
        String csv = new FiscalDataPackage(db.budget, db.reference, db.realisation).export(YEAR, "Kabupaten Contoh")
                .realisationCsv();
        // the amount, then the columns added after it (direction, currency, account levels)
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"klik\"\")\",'@SUM(1+1),2100000.50,expenditure,IDR,"), csv);
        assertTrue(csv.contains(",-2100000.50,expenditure,IDR,"), csv);
        assertFalse(csv.contains(",=") || csv.contains(",@") || csv.contains(",\"="), csv);
    }

    @Test
    void everyReportCsvGoesThroughTheSharedWriter() {
        String csv = Reports.csv(List.of("code", "name", "total"), printer -> printer.printRecord("1.01", "-cmd|x", new BigDecimal("-5.00")));
        assertEquals("code,name,total\r\n1.01,'-cmd|x,-5.00\r\n", csv);
    }
}
