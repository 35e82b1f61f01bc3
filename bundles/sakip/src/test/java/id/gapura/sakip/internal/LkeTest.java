package id.gapura.sakip.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The LKE weights and every grade band's edges. */
class LkeTest {

    @ParameterizedTest
    @CsvSource({
            "100, AA", "90.01, AA", "90, A", "90.00, A", "80.01, A", "80, BB", "70.01, BB", "70, B", "60.01, B", "60, CC",
            "50.01, CC", "50, C", "30.01, C", "30, D", "0.01, D", "0, D"})
    void gradeBands(String total, String grade) {
        assertEquals(grade, Lke.grade(new BigDecimal(total)).code());
    }

    @Test
    void predicates() {
        assertEquals("Sangat Memuaskan", Lke.grade(new BigDecimal("95")).predicate());
        assertEquals("Memuaskan", Lke.grade(new BigDecimal("85")).predicate());
        assertEquals("Sangat Baik", Lke.grade(new BigDecimal("75")).predicate());
        assertEquals("Baik", Lke.grade(new BigDecimal("65")).predicate());
        assertEquals("Cukup", Lke.grade(new BigDecimal("55")).predicate());
        assertEquals("Kurang", Lke.grade(new BigDecimal("40")).predicate());
        assertEquals("Sangat Kurang", Lke.grade(new BigDecimal("10")).predicate());
    }

    @Test
    void weightsAddUpAndSplitTwentyThirtyFifty() {
        assertEquals(12, Lke.ITEMS.size());
        assertEquals(0, Lke.ITEMS.stream().map(Lke.Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(BigDecimal.valueOf(100)));
        Map<String, BigDecimal> weights = new HashMap<>();
        Lke.ITEMS.forEach(item -> weights.put(item.key(), item.weight().stripTrailingZeros()));
        assertEquals(new BigDecimal("6"), weights.get("perencanaan.pemenuhan"));
        assertEquals(new BigDecimal("9"), weights.get("pengukuran.kualitas"));
        assertEquals(new BigDecimal("7.5"), weights.get("pelaporan.implementasi"));
        assertEquals(new BigDecimal("4.5"), weights.get("pelaporan.kualitas"));
        assertEquals(new BigDecimal("12.5"), weights.get("evaluasi.implementasi"));
    }

    private static Map<String, BigDecimal> all(String score) {
        Map<String, BigDecimal> scores = new HashMap<>();
        Lke.ITEMS.forEach(item -> scores.put(item.key(), new BigDecimal(score)));
        return scores;
    }

    @Test
    void totalIsTheWeightedSum() {
        assertEquals(new BigDecimal("90.00"), Lke.total(all("90")));
        assertEquals("A", Lke.grade(Lke.total(all("90"))).code());
        assertEquals(new BigDecimal("90.01"), Lke.total(all("90.01")));
        assertEquals("AA", Lke.grade(Lke.total(all("90.01"))).code());
        assertEquals(new BigDecimal("100.00"), Lke.total(all("100")));
        assertEquals(new BigDecimal("0.00"), Lke.total(all("0")));
        Map<String, BigDecimal> mixed = all("80");
        mixed.put("evaluasi.implementasi", new BigDecimal("100"));
        // 80 + 12.5 x 20 / 100 = 82.5
        assertEquals(new BigDecimal("82.50"), Lke.total(mixed));
        assertEquals(new BigDecimal("22.50"), Lke.componentTotals(mixed).get("evaluasi"));
        assertEquals(new BigDecimal("24.00"), Lke.componentTotals(mixed).get("perencanaan"));
    }

    @Test
    void aMissingScoreIsRefused() {
        Map<String, BigDecimal> scores = all("70");
        scores.remove("pelaporan.kualitas");
        assertThrows(IllegalArgumentException.class, () -> Lke.total(scores));
    }
}
