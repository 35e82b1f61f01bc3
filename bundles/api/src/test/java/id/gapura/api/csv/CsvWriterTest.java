package id.gapura.api.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvWriterTest {

    private static String write(char delimiter, Object... cells) {
        StringWriter out = new StringWriter();
        new CsvWriter(out, delimiter).printRecord(cells);
        return out.toString();
    }

    @Test
    void formulaCellsAreNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",'+1+1,'-1+cmd|' /C calc'!A0,'@SUM(A1),'\tx,\"'\rx\"\r\n",
                write(',', "=HYPERLINK(\"x\")", "+1+1", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"));
    }

    @Test
    void numbersStayNumbers() {
        assertEquals("-1500000.00,-12,+3,-1.5,-1,5,100,42,1000000\r\n",
                write(',', new BigDecimal("-1500000.00"), "-12", "+3", "-1.5", "-1", "5", 100, 42L, new BigDecimal("1E+6")));
        assertEquals("-1,5;'-\r\n", write(';', "-1,5", "-"));
    }

    @Test
    void rfc4180Quoting() {
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",,\r\n",
                write(',', "plain", "a,b", "say \"hi\"", "two\r\nlines", null, ""));
        assertEquals("a,b;\"c;d\"\r\n", write(';', "a,b", "c;d"));
    }

    @Test
    void textThatIsSafeIsUnchanged() {
        assertEquals("Dinas Lingkungan Hidup", CsvWriter.safe("Dinas Lingkungan Hidup"));
        assertEquals("1.01.02", CsvWriter.safe("1.01.02"));
        assertEquals("", CsvWriter.safe(null));
        assertEquals("'- pembelian ATK", CsvWriter.safe("- pembelian ATK"));
    }

    @Test
    void iterablesAndManyRecords() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.printRecord(Arrays.asList("code", "name")).printRecord("=1", null);
        assertEquals("code,name\r\n'=1,\r\n", out.toString());
    }

    @Test
    void anEmptyFirstCellIsQuotedSoTheRecordIsNotABlankLine() {
        assertEquals("\"\",x\r\n", write(',', null, "x"));
        assertEquals("\"\"\r\n", write(',', ""));
    }

    @Test
    void commonsCsvAlsoQuotesCellsThatStartLowOrEndInWhitespace() {
        assertEquals("\" lead\",\"#x\",\"trail \",ok\r\n", write(',', " lead", "#x", "trail ", "ok"));
    }

    @Test
    void whatIsWrittenReadsBackAsTheCellsText() throws IOException {
        Object[] cells = {"plain", "a;b", "say \"hi\"", "two\r\nlines", " lead", "#x", "=1", null, -3, ""};
        String written = write(';', cells);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setDelimiter(';').get()
                .parse(new StringReader(written)).getRecords();
        assertEquals(1, records.size());
        assertEquals(Arrays.stream(cells).map(CsvWriter::text).toList(), records.get(0).toList());
    }

    @Test
    void aQuoteCannotBeTheDelimiter() {
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter(new StringWriter(), '"'));
    }
}
