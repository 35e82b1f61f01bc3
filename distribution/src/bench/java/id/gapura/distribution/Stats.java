package id.gapura.distribution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Medians and spreads of repeated measurements, percentiles of latencies. */
final class Stats {

    private Stats() {
    }

    /** The median and the spread (min..max) of n repeated measurements of one figure. */
    record Summary(double median, double min, double max, int n) {

        static Summary of(Collection<? extends Number> values) {
            List<Double> sorted = new ArrayList<>(values.stream().map(Number::doubleValue).toList());
            sorted.sort(null);
            if (sorted.isEmpty()) {
                return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
        }

        /** "12.3 (11.9–13.0, n=3)" */
        String text(String format) {
            if (n == 0) {
                return "–";
            }
            if (n == 1) {
                return String.format(format, median);
            }
            return String.format(format + " (" + format + "–" + format + ", n=%d)", median, min, max, n);
        }
    }

    /** The q-quantile (0..1) of sorted values, nearest rank. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static double ratio(double value, double baseline) {
        return baseline == 0 ? Double.NaN : value / baseline;
    }
}
