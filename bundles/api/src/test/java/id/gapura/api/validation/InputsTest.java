package id.gapura.api.validation;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputsTest {

    @Test
    void decimalsWithinTheColumnPass() {
        Inputs inputs = new Inputs();
        assertEquals(new BigDecimal("99999999999999999.99"), inputs.decimal("amount", new BigDecimal("99999999999999999.99"), 19, 2));
        assertEquals(new BigDecimal("-5.5"), inputs.decimal("amount", new BigDecimal("-5.5"), 19, 2));
        assertEquals(new BigDecimal("1.500"), inputs.decimal("amount", new BigDecimal("1.500"), 19, 2), "trailing zeros do not count");
        assertEquals(new BigDecimal("1E+3"), inputs.decimal("amount", new BigDecimal("1E+3"), 19, 2));
        assertEquals(BigDecimal.ZERO, inputs.decimal("amount", new BigDecimal("0E-5000"), 19, 2));
        assertNull(inputs.decimal("amount", (BigDecimal) null, 19, 2));
        assertTrue(inputs.valid());
        inputs.validate();
    }

    @Test
    void hugeExponentsAreRefusedAtOnceWithoutEchoingThem() {
        Inputs inputs = new Inputs();
        assertTimeoutPreemptively(Duration.ofMillis(200), () -> {
            assertNull(inputs.decimal("luas", "1e1000000", 19, 2));
            assertNull(inputs.decimal("luas", new BigDecimal("1e1000000"), 19, 2));
            assertNull(inputs.decimal("luas", new BigDecimal("1e-1000000"), 19, 2));
            assertNull(inputs.decimal("luas", new BigDecimal("1e" + Integer.MAX_VALUE), 19, 2));
            assertNull(inputs.decimal("luas", new BigDecimal("1e-" + Integer.MAX_VALUE), 19, 2));
            assertNull(inputs.decimal("luas", new BigDecimal("1e400"), 24, 4));
        });
        assertEquals(6, inputs.errors().size());
        ProblemException problem = assertThrows(ProblemException.class, inputs::validate);
        assertEquals(422, problem.status());
        for (FieldError error : problem.errors()) {
            assertEquals("luas", error.field());
            assertFalse(error.message().contains("1000000"), error.message());
            assertTrue(error.message().length() < 120, error.message());
        }
    }

    @Test
    void tooManyDigitsEitherSideAreRefused() {
        Inputs inputs = new Inputs();
        assertNull(inputs.decimal("amount", new BigDecimal("123456789012345678901234567890"), 19, 2));
        assertNull(inputs.decimal("amount", new BigDecimal("100000000000000000"), 19, 2), "18 integer digits");
        assertNull(inputs.decimal("amount", new BigDecimal("1.005"), 19, 2));
        assertNull(inputs.decimal("fee", new BigDecimal("0.5"), 15, 0));
        assertEquals(4, inputs.errors().size());
        assertEquals("must be a number with at most 17 digits before the decimal point and 2 after it",
                inputs.errors().get(0).message());
    }

    @Test
    void numberTextIsBoundedBeforeItIsParsed() {
        Inputs inputs = new Inputs();
        String longText = "1".repeat(100_000);
        assertNull(inputs.decimal("volume", longText, 19, 4));
        assertNull(inputs.decimal("volume", "abc", 19, 4));
        assertNull(inputs.decimal("volume", "NaN", 19, 4));
        assertEquals(new BigDecimal("12.5"), inputs.decimal("volume", " 12.5 ", 19, 4));
        assertNull(inputs.decimal("volume", "", 19, 4));
        assertEquals(3, inputs.errors().size());
        inputs.errors().forEach(e -> assertFalse(e.message().contains("111111"), e.message()));
    }

    @Test
    void aMinimumIsChecked() {
        Inputs inputs = new Inputs();
        assertNull(inputs.decimal("amount", new BigDecimal("-1"), 19, 2, BigDecimal.ZERO));
        assertEquals(BigDecimal.TEN, inputs.decimal("amount", BigDecimal.TEN, 19, 2, BigDecimal.ZERO));
        assertEquals(List.of(new FieldError("amount", "must be at least 0")), inputs.errors());
    }

    @Test
    void requiredDecimalsMustBeThere() {
        Inputs inputs = new Inputs();
        assertNull(inputs.required("target", (BigDecimal) null, 24, 4));
        assertEquals(List.of(new FieldError("target", "is required")), inputs.errors());
    }

    @Test
    void wholeNumbersAndYears() {
        Inputs inputs = new Inputs();
        assertEquals(25, inputs.whole("limit", "25", 1, 500, 50));
        assertEquals(50, inputs.whole("limit", null, 1, 500, 50));
        assertEquals(50, inputs.whole("limit", "abc", 1, 500, 50));
        assertEquals(50, inputs.whole("limit", "9".repeat(40), 1, 500, 50));
        assertEquals(50, inputs.whole("limit", "0", 1, 500, 50));
        assertEquals(2026, inputs.year("year", 2026));
        assertEquals(0, inputs.year("year", -1));
        assertEquals(0, inputs.year("year", 2101));
        assertEquals(2024, inputs.year("year", "2024", 2026));
        assertEquals(2026, inputs.year("year", "abc", 2026));
        assertEquals(6, inputs.errors().size());
        assertEquals(new FieldError("limit", "must be a whole number"), inputs.errors().get(0));
        assertEquals(new FieldError("year", "must be a whole number from 2000 to 2100"), inputs.errors().get(3));
        assertEquals(Integer.valueOf(3), inputs.whole("quarter", 3, 1, 4));
        assertNull(inputs.whole("quarter", 5, 1, 4));
        assertNull(inputs.whole("quarter", (Integer) null, 1, 4));
    }

    @Test
    void textIsBoundedToItsColumn() {
        Inputs inputs = new Inputs();
        assertEquals("Jl. Merdeka 1", inputs.text("address", "Jl. Merdeka 1", 500));
        assertEquals("x".repeat(500), inputs.text("address", "x".repeat(500), 500));
        assertNull(inputs.text("address", "x".repeat(501), 500));
        assertNull(inputs.text("address", null, 500));
        assertEquals(List.of(new FieldError("address", "must be at most 500 characters")), inputs.errors());
    }

    @Test
    void nulAndBidiControlsAreRefusedEverywhere() {
        for (String bad : List.of("Budi\u0000", "a\u202Eb", "\u202A", "\u202B", "\u202C", "\u202D", "\u2066x",
                "\u2067", "\u2068", "\u2069", "bell\u0007", "del\u007F")) {
            Inputs inputs = new Inputs();
            assertNull(inputs.text("name", bad, 200), bad);
            assertEquals("name", inputs.errors().get(0).field());
            assertTrue(inputs.errors().get(0).message().startsWith("must not contain the control character U+"));
        }
        Inputs inputs = new Inputs();
        assertEquals("line one\r\nline two\tand a tab, Ärger, 日本", inputs.text("description",
                "line one\r\nline two\tand a tab, Ärger, 日本", 4000));
        assertTrue(inputs.valid());
        assertEquals("must not contain the control character U+202E", firstMessage("name", "a\u202Eb"));
    }

    private static String firstMessage(String field, String value) {
        Inputs inputs = new Inputs();
        inputs.text(field, value, 100);
        return inputs.errors().get(0).message();
    }

    @Test
    void requiredTextMustNotBeBlank() {
        Inputs inputs = new Inputs();
        assertNull(inputs.required("name", "  ", 200));
        assertNull(inputs.required("name", null, 200));
        assertEquals("Budi", inputs.required("name", "Budi", 200));
        assertEquals(2, inputs.errors().size());
        assertEquals("is required", inputs.errors().get(0).message());
    }

    @Test
    void codesAreNeverPathsOrNegativeNumbers() {
        Inputs inputs = new Inputs();
        assertEquals("1.01.2.22.0.00.01.0000", inputs.code("agency", "1.01.2.22.0.00.01.0000", 40));
        assertEquals("JLN-RUSAK", inputs.code("service_code", "JLN-RUSAK", 32));
        assertEquals("DLH_2", inputs.code("agency", "DLH_2", 32));
        assertTrue(inputs.valid());
        for (String bad : List.of("..", ".", "-1", "a/b", "../etc", "a b", "", "x.", "A".repeat(41), "é")) {
            Inputs refused = new Inputs();
            assertNull(refused.code("agency", bad, 40), bad);
            assertEquals("agency", refused.errors().get(0).field());
        }
        assertFalse(Inputs.isCode("..", 40));
        assertTrue(Inputs.isCode("DLH", 40));
    }

    @Test
    void userNames() {
        Inputs inputs = new Inputs();
        assertEquals("liaison.dlh", inputs.username("username", "liaison.dlh", 128));
        assertEquals("budi@example.org", inputs.username("username", "budi@example.org", 128));
        assertNull(inputs.username("username", "bad name", 128));
        assertNull(inputs.username("username", "-x", 128));
        assertNull(inputs.username("username", "x".repeat(129), 128));
        assertEquals(3, inputs.errors().size());
    }

    @Test
    void onlyHttpUrlsAreTaken() {
        Inputs inputs = new Inputs();
        assertEquals("https://example.org/a.jpg", inputs.url("media_url", "https://example.org/a.jpg", 1000));
        assertEquals("http://example.org", inputs.url("media_url", "http://example.org", 1000));
        assertNull(inputs.url("media_url", null, 1000));
        assertTrue(inputs.valid());
        for (String bad : List.of("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "file:///etc/passwd",
                "//example.org/x", "ftp://example.org", "http://", "not a url", "https://" + "a".repeat(1000))) {
            Inputs refused = new Inputs();
            assertNull(refused.url("media_url", bad, 1000), bad);
            assertEquals("media_url", refused.errors().get(0).field());
        }
    }

    @Test
    void everyProblemIsInOne422() {
        Inputs inputs = new Inputs();
        inputs.text("name", "x".repeat(300), 200);
        inputs.decimal("amount", new BigDecimal("1e30"), 19, 2);
        inputs.year("year", 1);
        ProblemException problem = assertThrows(ProblemException.class, inputs::validate);
        assertEquals(422, problem.status());
        assertEquals(List.of("name", "amount", "year"), problem.errors().stream().map(FieldError::field).toList());
        assertEquals("3 fields are invalid", problem.detail());
    }

    @Test
    void echoesAreCappedAndHarmless() {
        assertEquals("abc", Inputs.echo("abc", 40));
        assertEquals("x".repeat(40) + "…", Inputs.echo("x".repeat(100_000), 40));
        assertEquals("a?b", Inputs.echo("a\u0000b", 40));
        assertEquals("", Inputs.echo(null, 40));
    }
}
