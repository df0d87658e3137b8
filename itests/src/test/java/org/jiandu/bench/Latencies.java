package org.jiandu.bench;

import java.util.Arrays;

/** Recorded latencies in nanoseconds; percentiles by nearest rank over the sorted values. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** Percentile {@code q} (0 &lt; q ≤ 1) in milliseconds; NaN when empty. */
    double percentileMs(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    double maxMs() {
        return percentileMs(1.0);
    }

    String summary() {
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", percentileMs(0.5), percentileMs(0.99),
                maxMs(), size);
    }
}
