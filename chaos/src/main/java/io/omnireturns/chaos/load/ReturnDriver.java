package io.omnireturns.chaos.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.chaos.sandbox.SandboxSystems;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
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
 * ({@code CHAOS-<demo>-<run>-<n>}).
 */
public final class ReturnDriver implements AutoCloseable {

    public enum Kind { WEB, STORE, EXCHANGE }

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

    public ReturnDriver(ApiClient api, String runId, int concurrency, Duration labelPatience) {
        this.api = api;
        this.runId = runId;
        this.labelPatience = labelPatience;
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
        String demo = kind == Kind.STORE ? "1005" : "1001";
        String orderId = SandboxSystems.ORDER_PREFIX + demo + "-" + runId + "-" + n;
        String key = "chaos-" + runId + "-" + n;
        List<String[]> lines = switch (kind) { // {line, quantity, reason, replacement sku}
            case WEB -> List.of(new String[] {orderId + "-L1", "1", "SIZE_OR_FIT", null},
                    new String[] {orderId + "-L3", "2", "DEFECTIVE", null});
            case EXCHANGE -> List.of(new String[] {orderId + "-L1", "1", "SIZE_OR_FIT", "JKT-RAIN-NVY-L"},
                    new String[] {orderId + "-L2", "1", "SIZE_OR_FIT", "JNS-SLIM-IND-34"});
            case STORE -> List.of(new String[] {orderId + "-L1", "1", "CHANGED_MIND", null},
                    new String[] {orderId + "-L2", "2", "DEFECTIVE", null});
        };
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("orderId", orderId);
        request.put("channel", kind == Kind.STORE ? "STORE" : "WEB");
        if (kind == Kind.STORE) {
            request.put("storeId", "STORE-001");
        } else {
            request.put("refundMethod", kind == Kind.EXCHANGE ? "EXCHANGE" : "ORIGINAL_TENDER");
        }
        List<Map<String, Object>> requested = new ArrayList<>();
        for (String[] line : lines) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("orderLineId", line[0]);
            entry.put("quantity", Integer.parseInt(line[1]));
            entry.put("reason", line[2]);
            if (line[3] != null) {
                entry.put("replacementSku", line[3]);
            }
            requested.add(entry);
        }
        request.put("lines", requested);
        ApiClient.Answer answer = api.post("/api/v1/returns", kind == Kind.STORE ? ApiClient.POS : ApiClient.WEB_SHOP,
                request, key);
        if (answer.status() != 201 && answer.status() != 200) {
            return new Played(n, kind, null, "request answered " + answer.status() + " " + answer.code());
        }
        String returnId = answer.body().path("returnId").asText();
        returnIds.put(n, returnId);
        String status = answer.body().path("status").asText();
        if (!"AUTHORIZED".equals(status)) {
            return new Played(n, kind, returnId, "request answered status " + status);
        }
        if (kind != Kind.STORE && !awaitLabel(returnId)) {
            return new Played(n, kind, returnId, "no label within " + labelPatience);
        }
        String location = kind == Kind.STORE ? "STORE-001" : "DC-EAST";
        List<Map<String, Object>> received = new ArrayList<>();
        List<Map<String, Object>> inspected = new ArrayList<>();
        for (String[] line : lines) {
            int quantity = Integer.parseInt(line[1]);
            received.add(Map.of("orderLineId", line[0], "quantity", quantity));
            inspected.add(rejectedWhole(n)
                    ? Map.of("orderLineId", line[0], "acceptedQuantity", 0, "rejectedQuantity", quantity,
                            "grade", "DAMAGED", "disposition", "SCRAP")
                    : Map.of("orderLineId", line[0], "acceptedQuantity", quantity, "rejectedQuantity", 0,
                            "grade", "NEW", "disposition", "RESTOCK"));
        }
        ApiClient.Answer receipt = api.post("/api/v1/returns/" + returnId + "/receipts", ApiClient.WAREHOUSE,
                Map.of("receiptId", "RCPT-" + key, "locationId", location, "lines", received), key + "-receipt");
        if (receipt.status() / 100 != 2) {
            return new Played(n, kind, returnId, "receipt answered " + receipt.status() + " " + receipt.code());
        }
        ApiClient.Answer inspection = api.post("/api/v1/returns/" + returnId + "/inspections", ApiClient.WAREHOUSE,
                Map.of("inspectionId", "INSP-" + key, "lines", inspected), key + "-inspection");
        if (inspection.status() / 100 != 2) {
            return new Played(n, kind, returnId, "inspection answered " + inspection.status() + " "
                    + inspection.code());
        }
        return new Played(n, kind, returnId, "played");
    }

    /** Polls the status view until the carrier's label is issued (or the return is held). */
    private boolean awaitLabel(String returnId) throws InterruptedException {
        long deadline = System.nanoTime() + labelPatience.toNanos();
        long pause = 250;
        while (System.nanoTime() < deadline) {
            ApiClient.Answer view = api.get("/api/v1/returns/" + returnId, ApiClient.SERVICE_AGENT);
            if (view.status() == 200) {
                if ("ON_HOLD".equals(view.body().path("status").asText())) {
                    return false;
                }
                for (JsonNode system : view.body().path("systems")) {
                    if ("CARRIER".equals(system.path("system").asText())
                            && "LABEL_ISSUED".equals(system.path("state").asText())) {
                        return true;
                    }
                }
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 3 / 2, 3000);
        }
        return false;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
