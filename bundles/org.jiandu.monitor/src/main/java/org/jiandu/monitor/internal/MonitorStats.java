package org.jiandu.monitor.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the monitor's evaluation costs, for {@code jiandu:monitor-stats} and the benchmark: per evaluated entry, the
 * time of its batch's transaction divided by the batch's entries (rule calls, deadline writes and commit), and the
 * time spent inside the rules alone. The last {@value #SAMPLES} batches are kept for percentiles.
 */
public final class MonitorStats {
    static final int SAMPLES = 100_000;
    private final long[] perEntryNanos = new long[SAMPLES];
    private final int[] weights = new int[SAMPLES];
    private final long[] ruleNanosSamples = new long[SAMPLES];
    private int ruleNext;
    private int ruleFilled;
    private int next;
    private int filled;
    private long entries;
    private long batches;
    private long handlerNanos;
    private long ruleEntries;
    private long ruleNanos;
    private long catchUps;
    private long catchUpRead;
    private long catchUpEvaluated;
    private long lastCatchUpAt;

    synchronized void record(int evaluated, long nanos) {
        if (evaluated <= 0) {
            return;
        }
        entries += evaluated;
        batches++;
        handlerNanos += nanos;
        perEntryNanos[next] = nanos / evaluated;
        weights[next] = evaluated;
        next = (next + 1) % SAMPLES;
        filled = Math.min(SAMPLES, filled + 1);
    }

    /** The time all rules took on one entry (evaluation in memory, without the database). */
    synchronized void ruleSample(long nanos) {
        ruleNanosSamples[ruleNext] = nanos;
        ruleNext = (ruleNext + 1) % SAMPLES;
        ruleFilled = Math.min(SAMPLES, ruleFilled + 1);
    }

    /** The q-quantile (0..1) of the time all rules took on one entry, in microseconds. */
    public synchronized double rulesMicros(double q) {
        if (ruleFilled == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(ruleNanosSamples, ruleFilled);
        Arrays.sort(sorted);
        int index = Math.max(0, Math.min(ruleFilled - 1, (int) Math.ceil(q * ruleFilled) - 1));
        return sorted[index] / 1000.0;
    }

    synchronized void recordRules(int evaluated, long nanos) {
        ruleEntries += evaluated;
        ruleNanos += nanos;
    }

    synchronized void catchUp(int read, int evaluated, long at) {
        catchUps++;
        catchUpRead += read;
        catchUpEvaluated += evaluated;
        lastCatchUpAt = at;
    }

    /** Clears the figures (between benchmark phases). */
    public synchronized void reset() {
        next = 0;
        filled = 0;
        ruleNext = 0;
        ruleFilled = 0;
        entries = 0;
        batches = 0;
        handlerNanos = 0;
        ruleEntries = 0;
        ruleNanos = 0;
    }

    /** The q-quantile (0..1) of the per-entry evaluation time, in microseconds, weighted by entries. */
    public synchronized double perEntryMicros(double q) {
        if (filled == 0) {
            return Double.NaN;
        }
        long[][] pairs = new long[filled][];
        long total = 0;
        for (int i = 0; i < filled; i++) {
            pairs[i] = new long[] {perEntryNanos[i], weights[i]};
            total += weights[i];
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (long[] p : pairs) {
            seen += p[1];
            if (seen >= target) {
                return p[0] / 1000.0;
            }
        }
        return pairs[pairs.length - 1][0] / 1000.0;
    }

    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entriesEvaluated", entries);
        m.put("batches", batches);
        m.put("meanEntriesPerBatch", batches == 0 ? 0 : (double) entries / batches);
        m.put("handlerMicrosPerEntryMean", entries == 0 ? 0 : handlerNanos / 1000.0 / entries);
        m.put("rulesMicrosPerEntryMean", ruleEntries == 0 ? 0 : ruleNanos / 1000.0 / ruleEntries);
        m.put("catchUps", catchUps);
        m.put("catchUpEntriesRead", catchUpRead);
        m.put("catchUpEntriesEvaluated", catchUpEvaluated);
        m.put("lastCatchUpAt", lastCatchUpAt == 0 ? null : java.time.Instant.ofEpochMilli(lastCatchUpAt).toString());
        return m;
    }
}
