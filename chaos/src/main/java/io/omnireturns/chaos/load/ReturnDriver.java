package io.omnireturns.chaos.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.chaos.sandbox.SandboxSystems;
import io.omnireturns.harness.ReturnPlan;
import io.omnireturns.harness.ReturnPlan.Kind;
import io.omnireturns.harness.StatusCondition;
import io.omnireturns.harness.StatusStream;
import io.omnireturns.harness.StatusWatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays returns through the nodes' REST API as the README walkthroughs do, a few at a time:
 * <ul>
 *     <li>WEB mail-back ({@code web-shop}, order copy of ORD-1001, two lines): request, wait for the carrier label
 *     in the status view, then the warehouse receives and inspects;</li>
 *     <li>STORE ({@code pos}, copy of ORD-1005): request, receipt and inspection at the counter at once;</li>
 *     <li>EXCHANGE (a web mail-back with a replacement SKU per line).</li>
 * </ul>
 * Every 25th return (the 5th, 30th, 55th…: store and web returns) is rejected whole at inspection (accepted quantity 0, scrapped), so the
 * zero-refund path (no refund, no credit memo) is played too.
 * The driver does not wait for COMPLETED: the process finishes each return by itself, and the invariants are
 * checked once everything has settled. Each return orders from its own copy of a demo order
 * ({@code CHAOS-<demo>-<run>-<n>}; the bodies: {@link ReturnPlan}).
 * <p>
 * The label is not polled for: the driver follows one status stream ({@code GET /api/v1/returns/events}, on one node,
 * the next one when that node is killed or restarts) and reads a waiting return's status view (through the
 * {@link ApiClient}, so every read counts as before) once per change of it ({@link StatusWatch}); after a reconnect
 * each waiting return is read once, and one without news for {@link #FALLBACK_POLL} once more.
 */
public final class ReturnDriver implements AutoCloseable {

    /** A waiting return without news on the stream for this long is read once (counted; ~0 but in an outage). */
    public static final Duration FALLBACK_POLL = Duration.ofSeconds(10);
    /** Three of the server's 15 s keep-alive comments missed: the stream is given up and opened again. */
    private static final Duration STREAM_SILENCE = Duration.ofSeconds(45);

    /** What became of one return the driver started. */
    public record Played(int n, Kind kind, String returnId, String outcome) {
    }

    private final ApiClient api;
    private final String runId;
    private final Duration labelPatience;
    private final ExecutorService workers;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final ConcurrentLinkedQueue<Played> played = new ConcurrentLinkedQueue<>();
    private final Map<Integer, String> returnIds = new ConcurrentHashMap<>();
    private final ExecutorService reads = Executors.newFixedThreadPool(2, runnable -> {
        Thread t = new Thread(runnable, "driver-status-read");
        t.setDaemon(true);
        return t;
    });
    private final StatusWatch watch;
    private final StatusStream stream;

    public ReturnDriver(ApiClient api, String runId, int concurrency, Duration labelPatience) {
        this.api = api;
        this.runId = runId;
        this.labelPatience = labelPatience;
        this.watch = new StatusWatch(this::readView, Runnable::run, FALLBACK_POLL);
        this.stream = new StatusStream(api.nodes(), ApiClient.SERVICE_AGENT.header(), watch, STREAM_SILENCE).start();
        AtomicInteger thread = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread t = new Thread(runnable, "driver-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code count} returns, at most one every {@code spacing}; answers at once. */
    public void start(int count, Duration spacing) {
        for (int i = 1; i <= count; i++) {
            int n = i;
            long notBefore = System.nanoTime() + spacing.toNanos() * (i - 1);
            workers.submit(() -> {
                long wait = notBefore - System.nanoTime();
                try {
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    started.incrementAndGet();
                    played.add(play(n));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    played.add(new Played(n, kindOf(n), returnIds.get(n), "interrupted"));
                } catch (RuntimeException failed) {
                    played.add(new Played(n, kindOf(n), returnIds.get(n), "failed: " + failed.getMessage()));
                } finally {
                    finished.incrementAndGet();
                }
            });
        }
        workers.shutdown();
    }

    public int started() {
        return started.get();
    }

    public int finished() {
        return finished.get();
    }

    /** Waits until every return was played, at most {@code patience}. */
    public boolean await(Duration patience) throws InterruptedException {
        return workers.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<Played> played() {
        return new ArrayList<>(played);
    }

    /** Whether return {@code n} is rejected whole at inspection (nothing accepted). */
    public static boolean rejectedWhole(int n) {
        return n % 25 == 5;
    }

    static Kind kindOf(int n) {
        int slot = n % 10;
        return slot < 4 ? Kind.WEB : slot < 7 ? Kind.STORE : Kind.EXCHANGE;
    }

    private Played play(int n) throws InterruptedException {
        Kind kind = kindOf(n);
        String key = "chaos-" + runId + "-" + n;
        ReturnPlan plan = ReturnPlan.of(kind, SandboxSystems.ORDER_PREFIX, runId, n, key, rejectedWhole(n));
        long mark = watch.mark();
        ApiClient.Answer answer = api.post("/api/v1/returns", kind == Kind.STORE ? ApiClient.POS : ApiClient.WEB_SHOP,
                plan.request(), key);
        if (answer.status() != 201 && answer.status() != 200) {
            return new Played(n, kind, null, "request answered " + answer.status() + " " + answer.code());
        }
        String returnId = answer.body().path("returnId").asText();
        returnIds.put(n, returnId);
        String status = answer.body().path("status").asText();
        if (!"AUTHORIZED".equals(status)) {
            return new Played(n, kind, returnId, "request answered status " + status);
        }
        try {
            watch.track(returnId, mark);
            if (plan.mailedBack() && !awaitLabel(returnId)) {
                return new Played(n, kind, returnId, "no label within " + labelPatience);
            }
        } finally {
            watch.forget(returnId);
        }
        ApiClient.Answer receipt = api.post("/api/v1/returns/" + returnId + "/receipts", ApiClient.WAREHOUSE,
                plan.receipt(), key + "-receipt");
        if (receipt.status() / 100 != 2) {
            return new Played(n, kind, returnId, "receipt answered " + receipt.status() + " " + receipt.code());
        }
        ApiClient.Answer inspection = api.post("/api/v1/returns/" + returnId + "/inspections", ApiClient.WAREHOUSE,
                plan.inspection(), key + "-inspection");
        if (inspection.status() / 100 != 2) {
            return new Played(n, kind, returnId, "inspection answered " + inspection.status() + " "
                    + inspection.code());
        }
        return new Played(n, kind, returnId, "played");
    }

    /**
     * Waits until the status view shows the carrier's label, triggered by the status stream; false when the return
     * is held (or ends otherwise) or the label does not come within the patience.
     */
    private boolean awaitLabel(String returnId) throws InterruptedException {
        long deadline = System.nanoTime() + labelPatience.toNanos();
        try {
            watch.await(returnId, StatusCondition.LABEL_ISSUED, deadline).get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusWatch.WaitFailure) {
                return false; // held, or no label in time
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** A return's status view through the API client (any node, retried, counted), or null while not 200. */
    private CompletableFuture<JsonNode> readView(String returnId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ApiClient.Answer view = api.get("/api/v1/returns/" + returnId, ApiClient.SERVICE_AGENT);
                return view.status() == 200 ? view.body() : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, reads);
    }

    /** What the status stream did: its connections, the changes it brought, and the reads the waits needed. */
    public String streamFigures() {
        return "status stream: " + stream.connections() + " connection(s), " + stream.changes() + " changes, "
                + watch.changeReads() + " view reads on a change, " + watch.catchUpReads() + " catch-up reads, "
                + watch.fallbackReads() + " fallback polls";
    }

    @Override
    public void close() {
        workers.shutdownNow();
        stream.close();
        watch.close();
        reads.shutdownNow();
    }
}
