package id.gapura.budgeting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    final Actor tapd = Actor.tapd("tapd");
    TestDatabase db;
    Reports reports;

    TestDatabase database() throws Exception {
        return new TestDatabase();
    }

    @BeforeEach
    void setUp() throws Exception {
        db = database();
        reports = new Reports(db.budget, db.reference);
        Budget budget = db.budget;
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
        budget.addLine(YEAR, new Budget.LineInput(DINKES, GIZI, "5.1.02.01.01.0052", "Makan minum posyandu, \"PMT\"",
                new BigDecimal("1200"), "kotak", new BigDecimal("17500")), Actor.agency("dinkes", DINKES));
        budget.advance(YEAR, Stage.VERIFICATION, tapd);
        budget.verifyAgency(YEAR, DIKNAS, tapd);
        budget.verifyAgency(YEAR, DINKES, tapd);
        budget.advance(YEAR, Stage.VALIDATION, tapd);
        budget.validateAgency(YEAR, DIKNAS, diknas);
        budget.validateAgency(YEAR, DINKES, Actor.agency("dinkes", DINKES));
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
    void otherModulesReadTheBudgetPerProgrammeWithoutRealisation() {
        List<ProgrammeBudget> figures = reports.byProgramme(DINKES, YEAR);
        assertEquals(1, figures.size());
        assertEquals("1.02.02", figures.get(0).programmeCode());
        assertEquals(new BigDecimal("21000000.00"), figures.get(0).budget());
        assertEquals(1, figures.get(0).version());
        assertNull(figures.get(0).realisation());
        assertEquals(List.of(), reports.byProgramme(DINKES, 2030));
    }

    @Test
    void theFiscalDataPackageFollowsTheStandard() throws Exception {
        FiscalDataPackage.Export export = new FiscalDataPackage(db.budget, db.reference).export(YEAR, "Kabupaten Contoh");
        JsonNode descriptor = new ObjectMapper().readTree(export.descriptor());

        // Data Package: name, profile, resources with a name, a relative path and a format
        assertTrue(descriptor.get("name").asText().matches("^[a-z0-9._-]+$"), descriptor.get("name").asText());
        assertEquals("apbd-kabupaten-contoh-2027", descriptor.get("name").asText());
        assertEquals("fiscal-data-package", descriptor.get("profile").asText());
        assertTrue(descriptor.get("licenses").get(0).has("name"));
        JsonNode resources = descriptor.get("resources");
        assertEquals(1, resources.size());
        JsonNode resource = resources.get(0);
        assertTrue(resource.get("name").asText().matches("^[a-z0-9._-]+$"));
        String path = resource.get("path").asText();
        assertFalse(path.startsWith("/") || path.contains("..") || path.contains("://"), path);
        assertEquals("tabular-data-resource", resource.get("profile").asText());

        // Table Schema: unique field names of known types; the CSV header is exactly the fields, every value casts
        Set<String> types = Set.of("string", "number", "integer", "boolean", "date", "year", "object", "array", "any");
        List<String> names = new ArrayList<>();
        for (JsonNode field : resource.get("schema").get("fields")) {
            names.add(field.get("name").asText());
            assertTrue(types.contains(field.get("type").asText()), field.toString());
        }
        assertEquals(names.size(), new HashSet<>(names).size());
        CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(export.csv()));
        assertEquals(names, csv.getHeaderNames());
        List<CSVRecord> records = csv.getRecords();
        assertEquals(4, records.size());
        Set<String> keys = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CSVRecord record : records) {
            for (JsonNode field : resource.get("schema").get("fields")) {
                String value = record.get(field.get("name").asText());
                if (field.path("constraints").path("required").asBoolean()) {
                    assertFalse(value.isEmpty(), field.get("name").asText() + " on " + record);
                }
                switch (field.get("type").asText()) {
                    case "integer" -> Long.parseLong(value);
                    case "year" -> assertTrue(value.matches("\\d{4}"), value);
                    case "number" -> new BigDecimal(value);
                    default -> { }
                }
            }
            assertTrue(keys.add(record.get("line_id")), "primary key line_id is unique");
            total = total.add(new BigDecimal(record.get("amount")));
        }
        assertEquals(new BigDecimal("335750000.00"), total);
        assertTrue(records.get(2).get("description").contains("<80 gram>"));

        // Fiscal Data Package: the mapping of the domain notes, currency and fiscal period
        Map<String, String> columnTypes = new java.util.HashMap<>();
        resource.get("schema").get("fields").forEach(field -> {
            if (field.has("columnType")) {
                columnTypes.put(field.get("columnType").asText(), field.get("name").asText());
            }
        });
        assertEquals("amount", columnTypes.get("value"));
        assertEquals("fiscal_year", columnTypes.get("date:fiscal-year"));
        assertEquals("phase", columnTypes.get("phase:id"));
        assertEquals("agency_code", columnTypes.get("administrative-classification:generic:level1:code"));
        assertEquals("bidang_code", columnTypes.get("functional-classification:generic:level2:code"));
        assertEquals("account_code", columnTypes.get("economic-classification:generic:level6:code"));
        assertEquals("program_code", columnTypes.get("activity:generic:program:code"));
        assertEquals("IDR", descriptor.get("currency").asText());
        assertEquals(LocalDate.of(YEAR, 1, 1), LocalDate.parse(descriptor.get("fiscalPeriod").get("start").asText()));
        assertEquals(LocalDate.of(YEAR, 12, 31), LocalDate.parse(descriptor.get("fiscalPeriod").get("end").asText()));
        assertEquals("approved", records.get(0).get("phase"));

        // the zip holds both files in one folder
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.zip()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
                if (entry.getName().endsWith(".csv")) {
                    assertEquals(export.csv(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(List.of("apbd-kabupaten-contoh-2027/datapackage.json", "apbd-kabupaten-contoh-2027/budget.csv"), entries);
    }
}
