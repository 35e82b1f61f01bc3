package id.gapura.complaints.internal;

import id.gapura.complaints.internal.StatsService.Bucket;
import id.gapura.complaints.internal.StatsService.Dimension;
import id.gapura.complaints.internal.StatsService.OverdueReport;
import id.gapura.complaints.internal.StatsService.Timeliness;
import id.gapura.complaints.workflow.ReportStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvExportTest {

    private static final List<Bucket> BUCKETS = List.of(
            new Bucket("JLN-RUSAK", "Jalan \"rusak\", berlubang\nbesar", 12, new Timeliness(8, 6)),
            new Bucket("X1", "=HYPERLINK(\"http://evil\",\"klik\")", 1, new Timeliness(0, 0)),
            new Bucket(null, "not dispositioned", 3, new Timeliness(0, 0)),
            new Bucket("X2", "+62 812 3456", 2, new Timeliness(3, 1)),
            new Bucket("X3", "-1", 1, new Timeliness(0, 0)),
            new Bucket("X4", "@SUM(A1:A9)", 1, new Timeliness(0, 0)),
            new Bucket("X5", "Dinas Pekerjaan Umum – Bina Marga", 1, new Timeliness(0, 0)));

    @Test
    void aBreakdownIsQuotedAndEscapedWithCrlfAndAByteOrderMark() {
        byte[] bytes = breakdown(CsvExport.Options.DEFAULT);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
                "UTF-8 byte order mark for Excel");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertEquals("category,name,reports,due_or_answered,answered_on_time,on_time_percent\r\n"
                + "JLN-RUSAK,\"Jalan \"\"rusak\"\", berlubang\nbesar\",12,8,6,75.0\r\n"
                + "X1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\",1,0,0,\r\n"
                + "\"\",not dispositioned,3,0,0,\r\n"
                + "X2,'+62 812 3456,2,3,1,33.3\r\n"
                + "X3,-1,1,0,0,\r\n"
                + "X4,'@SUM(A1:A9),1,0,0,\r\n"
                + "X5,Dinas Pekerjaan Umum – Bina Marga,1,0,0,\r\n", text);
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameCells() throws IOException {
        String text = new String(breakdown(new CsvExport.Options(false, false)), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(BUCKETS.size() + 1, records.size());
        assertEquals("Jalan \"rusak\", berlubang\nbesar", records.get(1).get(1));
        assertEquals("'=HYPERLINK(\"http://evil\",\"klik\")", records.get(2).get(1), "shown as text, not run");
        assertEquals("Dinas Pekerjaan Umum – Bina Marga", records.get(7).get(1));
        assertTrue(text.startsWith("category,"), "no byte order mark when asked for none");
    }

    @Test
    void excelWithIndonesianSettingsGetsSemicolonsAndDecimalCommas() {
        String text = new String(breakdown(new CsvExport.Options(true, true)), StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertEquals("category;name;reports;due_or_answered;answered_on_time;on_time_percent", lines.get(0));
        assertEquals("X2;'+62 812 3456;2;3;1;33,3", lines.get(5));
    }

    @Test
    void theOverdueListShowsDeadlinesInTheRegionsTime() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport csv = CsvExport.overdue(out, new CsvExport.Options(false, false), ZoneId.of("Asia/Makassar"));
        csv.overdue(new OverdueReport("ADU-20261102-ABCD", "PJU-MATI", "Penerangan jalan umum mati", "DISHUB",
                "Dinas Perhubungan", ReportStatus.ANSWERED, "answer", Instant.parse("2026-11-09T15:59:59.999999999Z"), 14));
        csv.overdue(new OverdueReport("ADU-20260101-EFGH", "SAMPAH", "=cmd", null, null, ReportStatus.SUBMITTED,
                "verification", Instant.parse("2026-01-06T15:59:59.999999999Z"), 321));
        csv.flush();
        assertEquals("tracking_number,category,category_name,agency,agency_name,status,stage,deadline (Asia/Makassar),"
                + "days_overdue\r\n"
                + "ADU-20261102-ABCD,PJU-MATI,Penerangan jalan umum mati,DISHUB,Dinas Perhubungan,answered,answer,"
                + "2026-11-09 23:59,14\r\n"
                + "ADU-20260101-EFGH,SAMPAH,'=cmd,,,submitted,verification,2026-01-06 23:59,321\r\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onlyCellsAFormulaCouldStartWithArePrefixed() {
        assertEquals("'=1+2", CsvExport.safe("=1+2"));
        assertEquals("'\tx", CsvExport.safe("\tx"));
        assertEquals("'\rx", CsvExport.safe("\rx"));
        assertEquals("Rp 1.000", CsvExport.safe("Rp 1.000"));
        assertEquals("a=b", CsvExport.safe("a=b"));
        assertEquals("-1", CsvExport.safe("-1"), "a plain number stays a number");
        assertEquals("'-1+1", CsvExport.safe("-1+1"));
        assertEquals("", CsvExport.safe(null));
    }

    private static byte[] breakdown(CsvExport.Options options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.breakdown(Dimension.CATEGORY, BUCKETS, out, options);
        return out.toByteArray();
    }
}
