package id.gapura.permits.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "3674011705900001", // Banten, Tangerang Selatan, man born 17 May 1990
            "3674015705900002", // the same date for a woman: day + 40
            "1101010101000001", // Aceh, 1 January 2000
            "9671012902000003", // Papua Barat Daya (96), 29 February 2000
            "3171017112990004", // woman born 31 December 1999 (71 = 31 + 40)
            "5171012902960005"  // 29 February 1996
    })
    void plausibleNiksPass(String nik) {
        assertEquals(Optional.empty(), IdentityNumbers.checkNik(nik));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "367401170590000|a NIK has exactly 16 digits",
            "36740117059000011|a NIK has exactly 16 digits",
            "36740117059O0001|a NIK has exactly 16 digits",
            "'3674 01170590001'|a NIK has exactly 16 digits",
            "1074011705900001|starts with 10, which is not a province code",
            "2074011705900001|starts with 20, which is not a province code",
            "9774011705900001|starts with 97, which is not a province code",
            "3600011705900001|digits 3-4 (regency or city) cannot be 00",
            "3674001705900001|digits 5-6 (district) cannot be 00",
            "3674013205900001|digits 7-12 are not a date of birth (DDMMYY, 40 added to the day for women)",
            "3674017205900001|digits 7-12 are not a date of birth (DDMMYY, 40 added to the day for women)",
            "3674010005900001|digits 7-12 are not a date of birth (DDMMYY, 40 added to the day for women)",
            "3674014005900001|digits 7-12 are not a date of birth (DDMMYY, 40 added to the day for women)",
            "3674011713900001|digits 7-12 are not a date of birth (DDMMYY, 40 added to the day for women)",
            "3674013104900001|digits 7-12 are not a date of birth (DDMMYY, 40 added to the day for women)",
            "3674012902970001|digits 7-12 are not a date of birth (DDMMYY, 40 added to the day for women)",
            "3674011705900000|the last 4 digits (serial number) cannot be 0000"
    })
    void implausibleNiksAreRefusedSayingWhy(String nik, String problem) {
        assertEquals(Optional.of(problem), IdentityNumbers.checkNik(nik));
    }

    @org.junit.jupiter.api.Test
    void missingNikIsRefused() {
        assertTrue(IdentityNumbers.checkNik(null).isPresent());
        assertTrue(IdentityNumbers.checkNik("").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9120001234567", "0220000000001", "1234567890123"})
    void thirteenDigitNibsPass(String nib) {
        assertEquals(Optional.empty(), IdentityNumbers.checkNib(nib));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "912000123456|a NIB has exactly 13 digits",
            "91200012345678|a NIB has exactly 13 digits",
            "91200O1234567|a NIB has exactly 13 digits",
            "0000000000000|a NIB cannot be all zeros"
    })
    void otherNibsAreRefused(String nib, String problem) {
        assertEquals(Optional.of(problem), IdentityNumbers.checkNib(nib));
    }
}
