package id.gapura.permits.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportsCsvTest {

    @Test
    void rowsBecomeRfc4180CsvWithAHeaderOfTheFieldNames() {
        String csv = Reports.csv(List.of(
                new Reports.RevenueRow("2026-03", "REKLAME", 2, new BigDecimal("2800000")),
                new Reports.RevenueRow("2026-04", "IZIN \"A\", B", 1, new BigDecimal("1.50E+6"))), Reports.RevenueRow.class);
        assertEquals("month,type,payments,amount\r\n"
                + "2026-03,REKLAME,2,2800000\r\n"
                + "2026-04,\"IZIN \"\"A\"\", B\",1,1500000\r\n", csv);
    }

    @Test
    void anEmptyReportIsTheHeaderOnly() {
        assertEquals("month,type,stage,applications\r\n", Reports.csv(List.of(), Reports.ApplicationsRow.class));
    }

    @Test
    void formulaCellsAreNeutralisedAndNumbersKept() {
        String csv = Reports.csv(List.of(new Reports.RevenueRow("2026-03", "=HYPERLINK(1)", 1, new BigDecimal("-250000"))),
                Reports.RevenueRow.class);
        assertEquals("month,type,payments,amount\r\n2026-03,'=HYPERLINK(1),1,-250000\r\n", csv);
    }
}
