package io.omnireturns.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in microseconds; thread-safe appends, exact percentiles (nearest rank) on demand. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** Nearest-rank percentile: the smallest sample that at least {@code p} percent of all samples do not exceed. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    /** count, p50, p99, p99.9 and max in milliseconds. */
    Map<String, Object> summaryMillis() {
        long[] sorted = sorted();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", sorted.length);
        summary.put("p50_ms", millis(percentile(sorted, 50)));
        summary.put("p99_ms", millis(percentile(sorted, 99)));
        summary.put("p99_9_ms", millis(percentile(sorted, 99.9)));
        summary.put("max_ms", millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        return summary;
    }

    static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
