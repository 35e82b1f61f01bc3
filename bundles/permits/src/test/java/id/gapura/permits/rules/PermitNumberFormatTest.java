package id.gapura.permits.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PermitNumberFormatTest {

    private static final LocalDate MAY = LocalDate.of(2026, 5, 4);

    @Test
    void theCommonDpmptspFormat() {
        assertEquals("503/0007/REKLAME/DPMPTSP/2026",
                PermitNumberFormat.of("503/{seq:4}/{type}/{office}/{year}").format(7, "REKLAME", "DPMPTSP", MAY));
    }

    @Test
    void romanAndNumericMonthsAndUnpaddedSequences() {
        assertEquals("640/0012/PBG/DPMPTSP/V/2026",
                PermitNumberFormat.of("640/{seq:4}/PBG/{office}/{month:roman}/{year}").format(12, "PBG", "DPMPTSP", MAY));
        assertEquals("SKP-2026.05-123", PermitNumberFormat.of("{type}-{year}.{month}-{seq}").format(123, "SKP", "X", MAY));
        assertEquals("XII/1/2026", PermitNumberFormat.of("{month:roman}/{seq}/{year}")
                .format(1, "T", "O", LocalDate.of(2026, 12, 1)));
    }

    @Test
    void aSequenceWiderThanItsPaddingIsWrittenInFull() {
        assertEquals("10000/X/2026", PermitNumberFormat.of("{seq:4}/{type}/{year}").format(10000, "X", "O", MAY));
    }

    @Test
    void invalidPatternsAreRefusedSayingWhy() {
        assertEquals(List.of("needs {seq} (or {seq:N}) exactly once"), PermitNumberFormat.problems("503/{type}/{year}"));
        assertEquals(List.of("needs {year}: sequences restart every year"), PermitNumberFormat.problems("503/{seq}/{type}"));
        assertEquals(List.of("needs {seq} (or {seq:N}) exactly once"), PermitNumberFormat.problems("{seq}/{seq}/{year}"));
        assertEquals(List.of("{seq:0} must give a width from 1 to 9"), PermitNumberFormat.problems("{seq:0}/{year}"));
        assertEquals(List.of("{month:long} is unknown; use {month} or {month:roman}"),
                PermitNumberFormat.problems("{seq}/{month:long}/{year}"));
        assertTrue(PermitNumberFormat.problems("{seq}/{kode}/{year}").get(0).startsWith("{kode} is unknown"));
        assertEquals(List.of("has a brace that is not part of a placeholder"), PermitNumberFormat.problems("{seq}/{year}/{"));
        assertEquals(List.of("is required, such as 503/{seq:4}/{type}/{office}/{year}"), PermitNumberFormat.problems(" "));
        assertThrows(IllegalArgumentException.class, () -> PermitNumberFormat.of("503/{type}"));
        assertThrows(IllegalArgumentException.class,
                () -> PermitNumberFormat.of("{seq}/{year}").format(0, "X", "O", MAY));
    }
}
