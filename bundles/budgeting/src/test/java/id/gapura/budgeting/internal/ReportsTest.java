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

    @Test
    void thePublicRealisationCsvNeutralisesFormulaCellsAndKeepsNegativeAmounts() {
        Realisation.Entry paid = db.realisation.record(YEAR, new Realisation.Input(DINKES, GIZI, MEALS, "2027-04-01",
                new BigDecimal("2100000.50"), "=HYPERLINK(\"http://x.example\",\"klik\")", "@SUM(1+1)"), tapd);
        db.realisation.reverse(YEAR, paid.id(), "salah akun", tapd);
        String csv = new FiscalDataPackage(db.budget, db.reference, db.realisation).export(YEAR, "Kabupaten Contoh")
                .realisationCsv();
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"klik\"\")\",'@SUM(1+1),2100000.50\r\n"), csv);
        assertTrue(csv.contains(",-2100000.50\r\n"), csv);
        assertFalse(csv.contains(",=") || csv.contains(",@") || csv.contains(",\"="), csv);
    }

    @Test
    void everyReportCsvGoesThroughTheSharedWriter() {
        String csv = Reports.csv(List.of("code", "name", "total"), printer -> printer.printRecord("1.01", "-cmd|x", new BigDecimal("-5.00")));
        assertEquals("code,name,total\r\n1.01,'-cmd|x,-5.00\r\n", csv);
    }
}
