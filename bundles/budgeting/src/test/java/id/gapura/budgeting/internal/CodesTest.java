package id.gapura.budgeting.internal;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodesTest {

    @Test
    void programmeCodesHaveTheirLevelAndParent() {
        assertEquals(Optional.of(Codes.URUSAN), Codes.programmeLevel("1"));
        assertEquals(Optional.of(Codes.BIDANG), Codes.programmeLevel("1.01"));
        assertEquals(Optional.of(Codes.PROGRAM), Codes.programmeLevel("1.01.02"));
        assertEquals(Optional.of(Codes.KEGIATAN), Codes.programmeLevel("1.01.02.2.01"));
        assertEquals(Optional.of(Codes.SUB_KEGIATAN), Codes.programmeLevel("1.01.02.2.01.0001"));
        assertEquals(Optional.of(Codes.SUB_KEGIATAN), Codes.programmeLevel("1.02.02.2.01.01"));
        assertEquals(Optional.empty(), Codes.programmeLevel("1.01.02.2"));
        assertEquals(Optional.empty(), Codes.programmeLevel("1.1.02"));
        assertEquals(Optional.of("1.01.02"), Codes.programmeParent("1.01.02.2.01"));
        assertEquals(Optional.of("1.01.02.2.01"), Codes.programmeParent("1.01.02.2.01.0001"));
        assertEquals(Optional.empty(), Codes.programmeParent("1"));
    }

    @Test
    void accountCodesHaveSixLevels() {
        assertEquals(1, Codes.accountLevel("5"));
        assertEquals(2, Codes.accountLevel("5.1"));
        assertEquals(3, Codes.accountLevel("5.1.02"));
        assertEquals(4, Codes.accountLevel("5.1.02.01"));
        assertEquals(5, Codes.accountLevel("5.1.02.01.01"));
        assertEquals(6, Codes.accountLevel("5.1.02.01.01.0024"));
        assertEquals(0, Codes.accountLevel("5.1.02.01.01.24"));
        assertEquals(0, Codes.accountLevel("7.1"));
        assertEquals(Optional.of("5.1.02.01.01"), Codes.accountParent("5.1.02.01.01.0024"));
        assertEquals("5.1.02", Codes.accountGroupOf("5.1.02.01.01.0024"));
    }

    @Test
    void anAccountsPathRunsFromAkunDownToItself() {
        assertEquals(List.of("5", "5.1", "5.1.02", "5.1.02.01", "5.1.02.01.01", "5.1.02.01.01.0024"),
                Codes.accountPath("5.1.02.01.01.0024"));
        assertEquals(List.of("4", "4.1", "4.1.01"), Codes.accountPath("4.1.01"));
        assertEquals(List.of("6"), Codes.accountPath("6"));
        assertThrows(IllegalArgumentException.class, () -> Codes.accountPath("5.1.02.01.01.24"));
    }

    @Test
    void rupiahIsWrittenTheIndonesianWay() {
        assertEquals("Rp1.250.000.000", Rupiah.format(new BigDecimal("1250000000")));
        assertEquals("Rp0", Rupiah.format(BigDecimal.ZERO));
        assertEquals("Rp999", Rupiah.format(new BigDecimal("999.00")));
        assertEquals("Rp1.000,50", Rupiah.format(new BigDecimal("1000.5")));
        assertEquals("-Rp50.000", Rupiah.format(new BigDecimal("-50000")));
    }

    @Test
    void aGoodFileIsReadWithParentsFromTheFileOrTheReferenceData() throws Exception {
        String csv = """
                code,name
                1.01.03,Program Pengembangan Kurikulum
                1.01.03.2.01,Penetapan Kurikulum Muatan Lokal Pendidikan Dasar
                1.01.03.2.01.0001,Penyusunan Kurikulum Muatan Lokal Pendidikan Dasar
                """;
        ReferenceImport.Result result = ReferenceImport.read(Codes.Kind.PROGRAMMES, new StringReader(csv), Set.of("1", "1.01")::contains);
        assertTrue(result.ok(), result.errors().toString());
        assertEquals(3, result.rows().size());
        assertEquals("1.01.03.2.01", result.rows().get(2).parent());
    }

    @Test
    void aBadFileIsRefusedWholeWithLineNumberedErrors() throws Exception {
        String csv = """
                code,name
                1.01.03,Program Pengembangan Kurikulum
                1.01.03.2.01.0001,Penyusunan Kurikulum
                1.01.3,Salah
                1.01.03,Lagi
                1.09.01,Program Tanpa Bidang
                5.1.02.01.01.0024,
                """;
        ReferenceImport.Result result = ReferenceImport.read(Codes.Kind.PROGRAMMES, new StringReader(csv), Set.of("1", "1.01")::contains);
        assertEquals(List.of(),  result.rows());
        assertEquals(List.of(
                "line 3: code 1.01.03.2.01.0001: its parent 1.01.03.2.01 is neither in the file nor in the reference data",
                "line 4: code 1.01.3 is not a programme code (" + Codes.programmeFormats() + ")",
                "line 5: code 1.01.03 is also on line 2",
                "line 6: code 1.09.01: its parent 1.09 is neither in the file nor in the reference data",
                "line 7: code 5.1.02.01.01.0024: the name is empty"), result.errors());
    }

    @Test
    void accountsAndAgenciesAreCheckedAgainstTheirParents() throws Exception {
        ReferenceImport.Result accounts = ReferenceImport.read(Codes.Kind.ACCOUNTS, new StringReader("""
                code,name
                5.1.02.01.01.0025,Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover
                5.1.02.99.01.0001,Tanpa Objek
                """), Set.of("5.1.02.01.01")::contains);
        assertEquals(List.of("line 3: code 5.1.02.99.01.0001: its parent 5.1.02.99.01 is neither in the file nor in the reference data"),
                accounts.errors());
        ReferenceImport.Result agencies = ReferenceImport.read(Codes.Kind.AGENCIES, new StringReader("""
                code,name
                1.01.0.00.0.00.02.0000,Dinas Pendidikan Dasar
                2.09.0.00.0.00.01.0000,Dinas Ketahanan Pangan
                """), Set.of("1.01")::contains);
        assertEquals(List.of("line 3: code 2.09.0.00.0.00.01.0000: its bidang urusan 2.09 is not in the programme nomenclature"),
                agencies.errors());
    }
}
