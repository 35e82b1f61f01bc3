package id.gapura.complaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReportClassTest {

    @Test
    void codesAreStableAndLowercase() {
        assertEquals("aspirasi", ReportClass.ASPIRASI.code());
        assertEquals("pengaduan", ReportClass.PENGADUAN.code());
        assertEquals("permintaan_informasi", ReportClass.PERMINTAAN_INFORMASI.code());
    }

    @Test
    void everyCodeRoundTrips() {
        for (ReportClass reportClass : ReportClass.values()) {
            assertEquals(reportClass, ReportClass.fromCode(reportClass.code()));
        }
    }

    @Test
    void fromCodeIgnoresCaseAndSurroundingSpaces() {
        assertEquals(ReportClass.PENGADUAN, ReportClass.fromCode(" Pengaduan "));
    }

    @Test
    void unknownCodeListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportClass.fromCode("keluhan"));
        assertEquals("Unknown report class 'keluhan': valid codes are aspirasi, pengaduan, permintaan_informasi.",
                e.getMessage());
    }

    @Test
    void enumNameIsNotACode() {
        assertThrows(IllegalArgumentException.class, () -> ReportClass.fromCode("PERMINTAAN INFORMASI"));
    }

    @Test
    void nullCodeIsRejectedWithTheSameExplanation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportClass.fromCode(null));
        assertEquals("Unknown report class 'null': valid codes are aspirasi, pengaduan, permintaan_informasi.",
                e.getMessage());
    }
}
