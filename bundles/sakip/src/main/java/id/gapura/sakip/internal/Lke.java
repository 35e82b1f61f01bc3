package id.gapura.sakip.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LKE worksheet per PermenPAN-RB 88/2021: four components with their weights, each split into three
 * sub-components taking 20% (pemenuhan), 30% (kualitas) and 50% (implementasi / pemanfaatan) of the component's
 * weight. The evaluator scores each sub-component 0–100; total = Σ score × weight / 100, rounded to 2 decimals
 * HALF_UP; the grade comes from that total by the bands AA &gt;90–100, A &gt;80–90, BB &gt;70–80, B &gt;60–70,
 * CC &gt;50–60, C &gt;30–50, D 0–30 (a band's upper bound belongs to it: 90 is A, 90.01 AA).
 */
public final class Lke {

    public record Component(String key, String name, BigDecimal weight) {
    }

    public record SubComponent(String key, String name, BigDecimal share) {
    }

    /** One line of the worksheet: its weight in the total is component weight × share. */
    public record Item(String component, String subcomponent, BigDecimal weight) {
        public String key() {
            return component + "." + subcomponent;
        }
    }

    public record Grade(String code, String predicate) {
    }

    public static final List<Component> COMPONENTS = List.of(
            new Component("perencanaan", "Perencanaan Kinerja", BigDecimal.valueOf(30)),
            new Component("pengukuran", "Pengukuran Kinerja", BigDecimal.valueOf(30)),
            new Component("pelaporan", "Pelaporan Kinerja", BigDecimal.valueOf(15)),
            new Component("evaluasi", "Evaluasi Akuntabilitas Kinerja Internal", BigDecimal.valueOf(25)));

    public static final List<SubComponent> SUBCOMPONENTS = List.of(
            new SubComponent("pemenuhan", "Pemenuhan", new BigDecimal("0.2")),
            new SubComponent("kualitas", "Kualitas", new BigDecimal("0.3")),
            new SubComponent("implementasi", "Implementasi / Pemanfaatan", new BigDecimal("0.5")));

    public static final List<Item> ITEMS = items();

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Lke() {
    }

    private static List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (Component component : COMPONENTS) {
            for (SubComponent sub : SUBCOMPONENTS) {
                items.add(new Item(component.key(), sub.key(), component.weight().multiply(sub.share())));
            }
        }
        return List.copyOf(items);
    }

    /** Σ score × weight / 100 over every item (scores by {@link Item#key()}), 2 decimals HALF_UP. */
    public static BigDecimal total(Map<String, BigDecimal> scores) {
        BigDecimal total = BigDecimal.ZERO;
        for (Item item : ITEMS) {
            BigDecimal score = scores.get(item.key());
            if (score == null) {
                throw new IllegalArgumentException("no score for " + item.key());
            }
            total = total.add(score.multiply(item.weight()));
        }
        return total.divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** Weighted total per component (for the worksheet view), 2 decimals HALF_UP. */
    public static Map<String, BigDecimal> componentTotals(Map<String, BigDecimal> scores) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Item item : ITEMS) {
            BigDecimal score = scores.getOrDefault(item.key(), BigDecimal.ZERO);
            totals.merge(item.component(), score.multiply(item.weight()), BigDecimal::add);
        }
        totals.replaceAll((key, value) -> value.divide(HUNDRED, 2, RoundingMode.HALF_UP));
        return totals;
    }

    /** The grade of a total 0–100: a band's upper bound belongs to it, its lower bound to the band below. */
    public static Grade grade(BigDecimal total) {
        if (total.compareTo(BigDecimal.valueOf(90)) > 0) {
            return new Grade("AA", "Sangat Memuaskan");
        }
        if (total.compareTo(BigDecimal.valueOf(80)) > 0) {
            return new Grade("A", "Memuaskan");
        }
        if (total.compareTo(BigDecimal.valueOf(70)) > 0) {
            return new Grade("BB", "Sangat Baik");
        }
        if (total.compareTo(BigDecimal.valueOf(60)) > 0) {
            return new Grade("B", "Baik");
        }
        if (total.compareTo(BigDecimal.valueOf(50)) > 0) {
            return new Grade("CC", "Cukup");
        }
        if (total.compareTo(BigDecimal.valueOf(30)) > 0) {
            return new Grade("C", "Kurang");
        }
        return new Grade("D", "Sangat Kurang");
    }

    public static String predicate(String grade) {
        return switch (grade) {
            case "AA" -> "Sangat Memuaskan";
            case "A" -> "Memuaskan";
            case "BB" -> "Sangat Baik";
            case "B" -> "Baik";
            case "CC" -> "Cukup";
            case "C" -> "Kurang";
            default -> "Sangat Kurang";
        };
    }
}
