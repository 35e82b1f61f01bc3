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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A fiscal year's DPA in force as an open-data Fiscal Data Package: a Frictionless {@code datapackage.json}
 * describing one tabular resource {@code budget.csv}, whose columns carry the fiscal column types of the
 * mapping in the domain notes (agency → administrative-classification, urusan/bidang → functional-classification,
 * account → economic-classification, program/kegiatan/sub kegiatan → activity, phase, amount → value in IDR,
 * year → date:fiscal-year).
 */
@Component(service = FiscalDataPackage.class)
public class FiscalDataPackage {

    public record Export(String name, String descriptor, String csv) {
        public byte[] zip() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name + "/datapackage.json"));
                zip.write(descriptor.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(name + "/budget.csv"));
                zip.write(csv.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    /** Column name, Table Schema type, fiscal column type (null: none), description. */
    record Column(String name, String type, String columnType, String title) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("line_id", "integer", null, "Budget line (rincian belanja) number"),
            new Column("fiscal_year", "year", "date:fiscal-year", "Fiscal year (tahun anggaran)"),
            new Column("phase", "string", "phase:id", "Budget phase: approved (APBD murni) or adjusted (perubahan/pergeseran)"),
            new Column("phase_label", "string", "phase:label", "Phase in Indonesian: murni, perubahan, pergeseran"),
            new Column("version", "integer", null, "DPA version"),
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
            new Column("account_code", "string", "economic-classification:generic:level6:code", "Account (kode rekening) code"),
            new Column("account_name", "string", "economic-classification:generic:level6:label", "Account"),
            new Column("description", "string", null, "What is bought"),
            new Column("amount", "number", "value", "Amount in rupiah (IDR)"));

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Budget budget;
    private final ReferenceData reference;

    @Activate
    public FiscalDataPackage(@Reference Budget budget, @Reference ReferenceData reference) {
        this.budget = budget;
        this.reference = reference;
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
                printer.printRecord(line.lineId(), year, phase, version.kind(), version.version(),
                        line.agencyCode(), agencies.getOrDefault(line.agencyCode(), ""),
                        urusan, programmes.getOrDefault(urusan, ""), bidang, programmes.getOrDefault(bidang, ""),
                        program, programmes.getOrDefault(program, ""), kegiatan, programmes.getOrDefault(kegiatan, ""),
                        sub, programmes.getOrDefault(sub, ""), line.accountCode(), accounts.getOrDefault(line.accountCode(), ""),
                        line.description(), line.amount().toPlainString());
            }
        });
        String name = ("apbd-" + region + "-" + year).toLowerCase().replaceAll("[^a-z0-9._-]+", "-");
        return new Export(name, descriptor(name, year, region, version, phase), csv);
    }

    private static String descriptor(String name, int year, String region, Budget.VersionView version, String phase) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("profile", "fiscal-data-package");
        descriptor.put("name", name);
        descriptor.put("title", "APBD " + region + " " + year + " — DPA versi " + version.version() + " (" + version.kind() + ")");
        descriptor.put("description", "Regional budget (APBD) expenditure lines of " + region + " for fiscal year " + year
                + " as locked in the DPA, by agency, programme nomenclature and account per Permendagri 90/2019.");
        descriptor.put("version", Integer.toString(version.version()));
        descriptor.put("created", version.lockedAt().toString());
        descriptor.put("countryCode", "ID");
        descriptor.put("currency", "IDR");
        descriptor.put("granularity", "transactional");
        descriptor.put("fiscalPeriod", Map.of("start", year + "-01-01", "end", year + "-12-31"));
        descriptor.put("licenses", List.of(Map.of("name", "CC-BY-4.0", "path", "https://creativecommons.org/licenses/by/4.0/",
                "title", "Creative Commons Attribution 4.0")));
        descriptor.put("keywords", List.of("APBD", "budget", "Indonesia", phase));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Column column : COLUMNS) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", column.name());
            field.put("title", column.title());
            field.put("type", column.type());
            if (column.columnType() != null) {
                field.put("columnType", column.columnType());
            }
            if (column.name().equals("amount")) {
                field.put("decimalChar", ".");
                field.put("groupChar", "");
                field.put("currency", "IDR");
            }
            field.put("constraints", Map.of("required", !column.name().equals("description")));
            fields.add(field);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields);
        schema.put("primaryKey", List.of("line_id"));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", "budget");
        resource.put("path", "budget.csv");
        resource.put("profile", "tabular-data-resource");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("dialect", Map.of("delimiter", ",", "lineTerminator", "\r\n", "header", true));
        resource.put("schema", schema);
        descriptor.put("resources", List.of(resource));
        try {
            return JSON.writeValueAsString(descriptor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
