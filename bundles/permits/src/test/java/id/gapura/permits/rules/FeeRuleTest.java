package id.gapura.permits.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.gapura.api.FieldError;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FeeRuleTest {

    /** The sample billboard rule: Rp 25.000 per m² per month × area × months × road class, at least Rp 100.000. */
    private static final FeeRule REKLAME = FeeRule.perUnit(new BigDecimal("25000"), "per m² per bulan", List.of(
            new FeeRule.Factor("luas", "Luas bidang reklame", "m²", null),
            new FeeRule.Factor("durasi", "Lama pemasangan", "bulan", null),
            new FeeRule.Factor("lokasi", "Kelas jalan", null, List.of(
                    new FeeRule.Option("protokol", "Jalan protokol", new BigDecimal("1.5")),
                    new FeeRule.Option("lingkungan", "Jalan lingkungan", BigDecimal.ONE)))),
            new BigDecimal("100000"));

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void perUnitMultipliesTariffQuantitiesAndCoefficientsExactly() {
        FeeRule.Calculation fee = REKLAME.calculate(params("luas", 6, "durasi", 12, "lokasi", "protokol"), "p");
        assertEquals(new BigDecimal("2700000"), fee.amount());
        assertEquals("Rp 25.000 per m² per bulan × Luas bidang reklame 6 m² × Lama pemasangan 12 bulan × Kelas jalan "
                + "Jalan protokol (1,5) = Rp 2.700.000", fee.formula());
    }

    @Test
    void decimalQuantitiesStayExactAndRoundHalfUpToWholeRupiah() {
        // 25000 × 2.5 × 1 × 1.5 = 93750 -> below the minimum
        assertEquals(new BigDecimal("100000"),
                REKLAME.calculate(params("luas", "2.5", "durasi", "1", "lokasi", "protokol"), "p").amount());
        // 25000 × 0.33 × 13 × 1.5 = 160875.0 exactly; floating point would give 160874.99999999997
        assertEquals(new BigDecimal("160875"),
                REKLAME.calculate(params("luas", new BigDecimal("0.33"), "durasi", 13, "lokasi", "protokol"), "p").amount());
        FeeRule tiny = FeeRule.perUnit(new BigDecimal("1"), null,
                List.of(new FeeRule.Factor("luas", "Luas", "m²", null)), null);
        assertEquals(new BigDecimal("3"), tiny.calculate(params("luas", "2.5"), "p").amount(), "2.5 rounds half up");
        assertEquals(new BigDecimal("2"), tiny.calculate(params("luas", "2.49"), "p").amount());
    }

    @Test
    void theMinimumIsChargedAndShown() {
        FeeRule.Calculation fee = REKLAME.calculate(params("luas", 1, "durasi", 1, "lokasi", "lingkungan"), "p");
        assertEquals(new BigDecimal("100000"), fee.amount());
        assertTrue(fee.formula().endsWith("= Rp 25.000; paling sedikit Rp 100.000"), fee.formula());
    }

    @Test
    void missingUnknownAndInvalidParametersAreNamed() {
        FeeRule.InvalidParameters e = assertThrows(FeeRule.InvalidParameters.class,
                () -> REKLAME.calculate(params("luas", "-2", "lokasi", "tol", "tinggi", 3), "feeParameters"));
        assertEquals(List.of(
                new FieldError("feeParameters.tinggi", "is not a parameter of this fee; parameters are durasi, lokasi, luas"),
                new FieldError("feeParameters.luas", "must be more than zero"),
                new FieldError("feeParameters.durasi", "is required: Lama pemasangan in bulan"),
                new FieldError("feeParameters.lokasi", "'tol' is not an option; options are protokol, lingkungan")),
                e.errors());
        FeeRule.InvalidParameters text = assertThrows(FeeRule.InvalidParameters.class,
                () -> REKLAME.calculate(params("luas", "enam", "durasi", 1, "lokasi", "protokol"), "p"));
        assertEquals(List.of(new FieldError("p.luas", "must be a number in m²")), text.errors());
    }

    @Test
    void flatFeeIsTheAmountAndTakesNoParameters() {
        FeeRule flat = FeeRule.flat(new BigDecimal("1500000"));
        assertTrue(flat.hasFee());
        assertEquals(new FeeRule.Calculation(new BigDecimal("1500000"), "tarif tetap Rp 1.500.000"),
                flat.calculate(null, "p"));
        assertThrows(FeeRule.InvalidParameters.class, () -> flat.calculate(params("luas", 1), "p"));
    }

    @Test
    void noFeeIsZeroAndHasNoFeeStages() {
        FeeRule none = FeeRule.none();
        assertFalse(none.hasFee());
        assertEquals(0, none.calculate(Map.of(), "p").amount().signum());
        assertEquals("tanpa retribusi", none.describe());
    }

    @Test
    void validRulesHaveNoErrors() {
        assertEquals(List.of(), REKLAME.validate("feeRule"));
        assertEquals(List.of(), FeeRule.flat(new BigDecimal("50000")).validate("feeRule"));
        assertEquals(List.of(), FeeRule.none().validate("feeRule"));
    }

    @Test
    void invalidRulesAreRefusedFieldByField() {
        assertEquals(List.of(new FieldError("feeRule.kind", "must be one of none, flat, per_unit")),
                new FeeRule("percent", null, null, null, null, null).validate("feeRule"));
        assertEquals(List.of(new FieldError("feeRule.amount", "must be whole rupiah, without sen")),
                FeeRule.flat(new BigDecimal("1000.50")).validate("feeRule"));
        assertEquals(List.of(new FieldError("feeRule.amount", "must be more than zero")),
                FeeRule.flat(BigDecimal.ZERO).validate("feeRule"));
        assertEquals(List.of(new FieldError("feeRule.tariff", "is required: a positive amount in rupiah"),
                        new FieldError("feeRule.factors", "a per-unit fee needs at least one factor, such as the area in m²")),
                FeeRule.perUnit(null, null, List.of(), null).validate("feeRule"));
        List<FieldError> factors = FeeRule.perUnit(BigDecimal.TEN, null, List.of(
                new FeeRule.Factor("Luas", "Luas", "m²", null),
                new FeeRule.Factor("durasi", "", null, null),
                new FeeRule.Factor("durasi", "Lama", null, List.of(
                        new FeeRule.Option("a", "A", new BigDecimal("-1")),
                        new FeeRule.Option("a", "A", BigDecimal.ONE)))), null).validate("feeRule");
        assertEquals(List.of("feeRule.factors[0].name", "feeRule.factors[1].label", "feeRule.factors[2].name",
                "feeRule.factors[2].options[0].coefficient", "feeRule.factors[2].options[1].code"),
                factors.stream().map(FieldError::field).toList());
        assertEquals(List.of(new FieldError("feeRule.amount", "does not apply to a none fee")),
                new FeeRule("none", BigDecimal.ONE, null, null, null, null).validate("feeRule"));
    }

    @Test
    void describesTheRuleAndTheParametersToAsk() {
        assertEquals("Rp 25.000 per m² per bulan × luas × durasi × lokasi, paling sedikit Rp 100.000", REKLAME.describe());
        assertEquals(Map.of("luas", "Luas bidang reklame (m²)", "durasi", "Lama pemasangan (bulan)",
                "lokasi", "Kelas jalan (protokol, lingkungan)"), REKLAME.parameters());
    }

    @Test
    void hugeQuantitiesAreRefusedAtOnceWithAShortMessage() {
        long started = System.nanoTime();
        for (Object huge : List.of("1e1000000", new BigDecimal("1e1000000"), "123456789012345678901234567890",
                "1".repeat(100_000), "0.00000000000000000000000001")) {
            FeeRule.InvalidParameters refused = assertThrows(FeeRule.InvalidParameters.class,
                    () -> REKLAME.calculate(params("luas", huge, "durasi", 12, "lokasi", "protokol"), "parameters"));
            assertEquals("parameters.luas", refused.errors().get(0).field());
            assertTrue(refused.errors().get(0).message().length() < 150, refused.errors().get(0).message());
        }
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused in well under a second");
    }

    @Test
    void aFeeBeyondWhatTheDecreeRecordsIsRefused() {
        // each quantity fits, their product does not fit DECIMAL(15, 0)
        FeeRule.InvalidParameters refused = assertThrows(FeeRule.InvalidParameters.class,
                () -> REKLAME.calculate(params("luas", "99999999999", "durasi", "99999999999", "lokasi", "protokol"), "p"));
        assertEquals("p", refused.errors().get(0).field());
    }

    @Test
    void anUnknownOptionIsNotEchoedAtLength() {
        FeeRule.InvalidParameters refused = assertThrows(FeeRule.InvalidParameters.class,
                () -> REKLAME.calculate(params("luas", 1, "durasi", 1, "lokasi", "x".repeat(10_000)), "p"));
        assertTrue(refused.errors().get(0).message().length() < 200, refused.errors().get(0).message());
    }

    @Test
    void definitionsAreBoundedToWhatTheDatabaseHolds() {
        FeeRule flat = FeeRule.flat(new BigDecimal("1e30"));
        assertEquals(List.of("fee.amount"), flat.validate("fee").stream().map(FieldError::field).toList());
        FeeRule perUnit = FeeRule.perUnit(new BigDecimal("1e400"), "u".repeat(101), List.of(
                new FeeRule.Factor("luas", "L".repeat(201), "m\u0000", List.of(
                        new FeeRule.Option("a", "A", new BigDecimal("1e100"))))), new BigDecimal("1e20"));
        assertEquals(List.of("fee.tariff", "fee.unit", "fee.minimum", "fee.factors[0].label", "fee.factors[0].unit",
                        "fee.factors[0].options[0].coefficient"),
                perUnit.validate("fee").stream().map(FieldError::field).toList());
    }
}
