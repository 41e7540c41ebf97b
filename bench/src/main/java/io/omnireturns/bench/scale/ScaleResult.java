package io.omnireturns.bench.scale;

import java.util.List;

/**
 * What the scale benchmark measured.
 *
 * @param returnsStored         returns in the store (generated ones and the captured real ones)
 * @param eventsStored          events in the store
 * @param generatedNow          whether this run generated the store (false: an earlier run's store was reused)
 * @param generationSeconds     time to write the generated events, indexes included; 0 when reused
 * @param generationRowsPerSecond events written per second; 0 when reused
 * @param storeBytes            size of the event table with its indexes
 * @param replays               one per measured view, in order
 * @param statusById            {@code GET /api/v1/returns/{id}} latencies
 * @param searchByCustomer      {@code GET /api/v1/returns?customerId=} latencies
 * @param statusViewRows        rows in the status view while the queries ran
 * @param servicePeakHeapBytes  the most the service's heap held (before a collection), from its GC log
 * @param serviceLiveHeapBytes  the most the service's heap still held after a collection (live data at its largest)
 * @param serviceMaxHeapBytes   the service's heap limit
 * @param verification          what the check of generated returns against the service found
 */
public record ScaleResult(long returnsStored, long eventsStored, boolean generatedNow, double generationSeconds,
                          double generationRowsPerSecond, long storeBytes, List<Replay> replays, Latency statusById,
                          Latency searchByCustomer, long statusViewRows, long servicePeakHeapBytes,
                          long serviceLiveHeapBytes, long serviceMaxHeapBytes, Verification verification) {

    public ScaleResult {
        replays = List.copyOf(replays);
    }

    ScaleResult withHeap(long peak, long live, long max) {
        return new ScaleResult(returnsStored, eventsStored, generatedNow, generationSeconds, generationRowsPerSecond,
                storeBytes, replays, statusById, searchByCustomer, statusViewRows, peak, live, max, verification);
    }

    /**
     * One view rebuilt from the first event: from the replay request until the processor's slowest segment reached
     * the head of the store. {@code cpuSeconds} is the CPU time the service used meanwhile, its embedded PostgreSQL
     * included, so {@code eventsPerCpuSecond} tells the cost of a replay even on a machine shared with other work.
     */
    public record Replay(String processor, long events, double seconds, double eventsPerSecond, double cpuSeconds,
                         double eventsPerCpuSecond, long deadLetters) {
    }

    /** Client-side latencies in milliseconds over {@code requests} measured requests (after a warm-up). */
    public record Latency(int requests, int errors, double p50Millis, double p99Millis, double p999Millis,
                          double maxMillis, double requestsPerSecond) {
    }

    /**
     * @param returnsChecked generated returns checked
     * @param viewEqualsReplay how many answered {@code GET /returns/{id}} exactly as {@code /state} rebuilds them from
     *                         their events
     * @param historyComplete  how many had a history with every generated event, types and revisions as captured
     * @param problems         what differed, if anything
     */
    public record Verification(int returnsChecked, int viewEqualsReplay, int historyComplete, List<String> problems) {

        public Verification {
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty() && viewEqualsReplay == returnsChecked && historyComplete == returnsChecked;
        }
    }
}
