package io.omnireturns.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Drives complete return workflows through the public REST API, asynchronously: a handful of threads keep hundreds
 * of workflows going. A workflow is one of
 * <ul>
 *     <li>WEB mail-back: request (2 lines) as {@code web-shop}, wait for the carrier label in the status view, receive
 *     and inspect as {@code warehouse}, wait for {@code COMPLETED};</li>
 *     <li>STORE: request (2 lines) as {@code pos}, receive and inspect at the counter at once, wait for COMPLETED;</li>
 *     <li>EXCHANGE: a web mail-back (2 lines) with a replacement SKU per line.</li>
 * </ul>
 * Measured: every REST command's latency (request sent to answer received), the projection lag after the request,
 * the receipt and the inspection (command answered to the first status view read that shows the change), and the
 * workflow's duration (request sent to COMPLETED first seen). Each workflow orders from its own copy of a demo
 * order ({@code BENCH-<demo number>-<run>-<n>}, the sandbox's copy prefix). Given several nodes of one deployment,
 * workflows take turns over them.
 */
final class LoadGenerator implements AutoCloseable {

    static final String ORDER_PREFIX = "BENCH-";

    enum Kind { WEB, STORE, EXCHANGE }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> baseUrls;
    private final BenchOptions options;
    private final String runId;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(3, daemon("http"));
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("timer"));
    private final AtomicLong sequence = new AtomicLong();

    // what a measuring window records
    private volatile boolean measuring;
    private volatile boolean stopped;
    final Samples commandLatency = new Samples();
    final Map<String, Samples> commandLatencyByKind = new ConcurrentHashMap<>();
    final Samples projectionLag = new Samples();
    final Map<String, Samples> projectionLagByCommand = new ConcurrentHashMap<>();
    final Samples workflowDuration = new Samples();
    final LongAdder commands = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder notStarted = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final Map<Kind, LongAdder> completedByKind = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    /** Workflow {@code n} goes to node {@code n mod nodes}, all its requests and reads to that node. */
    LoadGenerator(List<String> baseUrls, BenchOptions options, String runId) {
        this.baseUrls = List.copyOf(baseUrls);
        this.options = options;
        this.runId = runId;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    void startMeasuring() {
        measuring = true;
    }

    void stopMeasuring() {
        measuring = false;
    }

    /** Closed loop: {@code concurrency} workflows at all times, each followed by the next, until {@link #stop()}. */
    void startClosedLoop(int concurrency) {
        for (int i = 0; i < concurrency; i++) {
            loop();
        }
    }

    private void loop() {
        if (stopped) {
            return;
        }
        runWorkflow().whenComplete((ignored, failure) -> loop());
    }

    /** Open loop: a new workflow every 1/rate seconds whatever happens to the others, until {@link #stop()}. */
    void startOpenLoop(double perSecond) {
        long periodNanos = (long) (1e9 / perSecond);
        timer.scheduleAtFixedRate(() -> {
            if (stopped) {
                return;
            }
            if (inFlight.get() >= options.maxInFlight()) {
                if (measuring) {
                    notStarted.increment(); // the service cannot keep up: counted, not piled up without limit
                }
                return;
            }
            runWorkflow();
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    void stop() {
        stopped = true;
    }

    /** Waits until no workflow is in flight any more, at most {@code patience}; answers how many still are. */
    int drain(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return inFlight.get();
    }

    private Kind nextKind(long n) {
        int slot = (int) (n % 10);
        int web = options.webShare();
        int store = options.storeShare();
        return slot < web ? Kind.WEB : slot < web + store ? Kind.STORE : Kind.EXCHANGE;
    }

    CompletableFuture<Void> runWorkflow() {
        long n = sequence.incrementAndGet();
        Kind kind = nextKind(n);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        long started = System.nanoTime();
        Workflow workflow = new Workflow(kind, n);
        CompletableFuture<Void> done = workflow.run()
                .handle((ignored, failure) -> {
                    inFlight.decrementAndGet();
                    if (failure == null) {
                        if (measuring) {
                            completed.increment();
                            completedByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
                            workflowDuration.add((System.nanoTime() - started) / 1000);
                        }
                    } else {
                        failed.increment();
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        String reason = cause instanceof WorkflowFailure wf ? wf.getMessage()
                                : cause.getClass().getSimpleName();
                        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
                    }
                    return null;
                });
        return done;
    }

    /** One return from request to COMPLETED. */
    private final class Workflow {
        private final Kind kind;
        private final String orderId;
        private final String key;
        private final List<String[]> lines = new ArrayList<>(); // {lineId, quantity, reason, replacementSku}
        private final String location;
        private final long deadline = System.nanoTime() + options.workflowTimeout().toNanos();
        private final boolean probesLag;
        private final String baseUrl;
        private String returnId;

        Workflow(Kind kind, long n) {
            this.kind = kind;
            this.probesLag = n % options.lagSampleEvery() == 0;
            this.baseUrl = baseUrls.get((int) (n % baseUrls.size()));
            String demo = switch (kind) {
                case WEB, EXCHANGE -> "1001";
                case STORE -> "1005";
            };
            this.orderId = ORDER_PREFIX + demo + "-" + runId + "-" + n;
            this.key = runId + "-" + n;
            switch (kind) {
                case WEB -> {
                    lines.add(new String[] {orderId + "-L1", "1", "SIZE_OR_FIT", null});
                    lines.add(new String[] {orderId + "-L3", "2", "DEFECTIVE", null});
                }
                case EXCHANGE -> {
                    lines.add(new String[] {orderId + "-L1", "1", "SIZE_OR_FIT", "JKT-RAIN-NVY-L"});
                    lines.add(new String[] {orderId + "-L2", "1", "SIZE_OR_FIT", "JNS-SLIM-IND-34"});
                }
                case STORE -> {
                    lines.add(new String[] {orderId + "-L1", "1", "CHANGED_MIND", null});
                    lines.add(new String[] {orderId + "-L2", "2", "DEFECTIVE", null});
                }
            }
            this.location = kind == Kind.STORE ? "STORE-001" : "DC-EAST";
        }

        CompletableFuture<Void> run() {
            return request()
                    .thenCompose(answer -> lag("request", answer, view -> true))
                    .thenCompose(ignored -> kind == Kind.STORE ? CompletableFuture.completedFuture(null)
                            : awaitView(view -> "LABEL_ISSUED".equals(systemState(view, "CARRIER")),
                            options.waitPoll()).thenApply(v -> null))
                    .thenCompose(ignored -> command("receipt", "/receipts", options.warehouse(), receipt()))
                    .thenCompose(answer -> lag("receipt", answer, view -> anyLine(view, "logistics", "receivedQuantity")))
                    .thenCompose(ignored -> command("inspection", "/inspections", options.warehouse(), inspection()))
                    .thenCompose(answer -> lag("inspection", answer, view -> anyLine(view, "inspection", "acceptedQuantity")))
                    .thenCompose(ignored -> awaitView(view -> "COMPLETED".equals(view.path("status").asText()),
                            options.waitPoll()))
                    .thenApply(view -> null);
        }

        private CompletableFuture<Long> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("orderId", orderId);
            body.put("channel", kind == Kind.STORE ? "STORE" : "WEB");
            if (kind == Kind.STORE) {
                body.put("storeId", "STORE-001");
            } else {
                body.put("refundMethod", kind == Kind.EXCHANGE ? "EXCHANGE" : "ORIGINAL_TENDER");
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
            body.put("lines", requested);
            BenchOptions.Credentials who = kind == Kind.STORE ? options.pos() : options.webShop();
            long sent = System.nanoTime();
            return send(post(baseUrl, "/api/v1/returns", who, body).header("Idempotency-Key", key).build())
                    .thenApply(response -> {
                        long answered = System.nanoTime();
                        recordCommand("request", sent, answered);
                        if (response.statusCode() != 201 && response.statusCode() != 200) {
                            throw new WorkflowFailure("request answered " + response.statusCode());
                        }
                        JsonNode answer = parse(response.body());
                        if (!"AUTHORIZED".equals(answer.path("status").asText())) {
                            throw new WorkflowFailure("request " + answer.path("status").asText());
                        }
                        returnId = answer.path("returnId").asText();
                        return answered;
                    });
        }

        private Map<String, Object> receipt() {
            List<Map<String, Object>> received = new ArrayList<>();
            for (String[] line : lines) {
                received.add(Map.of("orderLineId", line[0], "quantity", Integer.parseInt(line[1])));
            }
            return Map.of("receiptId", "RCPT-" + key, "locationId", location, "lines", received);
        }

        private Map<String, Object> inspection() {
            List<Map<String, Object>> inspected = new ArrayList<>();
            for (String[] line : lines) {
                inspected.add(Map.of("orderLineId", line[0], "acceptedQuantity", Integer.parseInt(line[1]),
                        "rejectedQuantity", 0, "grade", "NEW", "disposition", "RESTOCK"));
            }
            return Map.of("inspectionId", "INSP-" + key, "lines", inspected);
        }

        private CompletableFuture<Long> command(String name, String path, BenchOptions.Credentials who,
                                                Map<String, Object> body) {
            long sent = System.nanoTime();
            return send(post(baseUrl, "/api/v1/returns/" + returnId + path, who, body).build()).thenApply(response -> {
                long answered = System.nanoTime();
                recordCommand(name, sent, answered);
                if (response.statusCode() / 100 != 2) {
                    throw new WorkflowFailure(name + " answered " + response.statusCode());
                }
                return answered;
            });
        }

        /** Projection lag: from the command's answer to the first read of the status view that shows its effect. */
        private CompletableFuture<Void> lag(String command, long answeredNanos, Predicate<JsonNode> visible) {
            if (!probesLag) {
                return CompletableFuture.completedFuture(null);
            }
            return awaitView(visible, options.lagPoll()).thenAccept(view -> {
                if (measuring) {
                    long micros = (System.nanoTime() - answeredNanos) / 1000;
                    projectionLag.add(micros);
                    projectionLagByCommand.computeIfAbsent(command, c -> new Samples()).add(micros);
                }
            });
        }

        private CompletableFuture<JsonNode> awaitView(Predicate<JsonNode> condition, Duration interval) {
            CompletableFuture<JsonNode> result = new CompletableFuture<>();
            poll(condition, interval, result);
            return result;
        }

        private void poll(Predicate<JsonNode> condition, Duration interval, CompletableFuture<JsonNode> result) {
            if (System.nanoTime() > deadline) {
                result.completeExceptionally(new WorkflowFailure("timed out waiting for the status view"));
                return;
            }
            HttpRequest get = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/returns/" + returnId))
                    .header("Authorization", options.serviceAgent().header())
                    .timeout(Duration.ofSeconds(30)).GET().build();
            send(get).whenComplete((response, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                    return;
                }
                if (response.statusCode() == 200) {
                    JsonNode view = parse(response.body());
                    String status = view.path("status").asText();
                    if (condition.test(view)) {
                        result.complete(view);
                        return;
                    }
                    if ("ON_HOLD".equals(status) || "REJECTED".equals(status) || "CANCELLED".equals(status)) {
                        result.completeExceptionally(new WorkflowFailure("return went " + status + " "
                                + view.path("hold").path("reason").asText("")));
                        return;
                    }
                } else if (response.statusCode() != 404) {
                    result.completeExceptionally(new WorkflowFailure("status view answered " + response.statusCode()));
                    return;
                }
                // waits for the process back off (x1.5 up to wait-poll-max): a real client polls, but not every few ms
                Duration next = interval.equals(options.lagPoll()) ? interval
                        : min(Duration.ofNanos((long) (interval.toNanos() * 1.5)), options.waitPollMax());
                timer.schedule(() -> poll(condition, next, result), interval.toNanos(), TimeUnit.NANOSECONDS);
            });
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void recordCommand(String name, long sentNanos, long answeredNanos) {
        if (measuring) {
            long micros = (answeredNanos - sentNanos) / 1000;
            commands.increment();
            commandLatency.add(micros);
            commandLatencyByKind.computeIfAbsent(name, n -> new Samples()).add(micros);
        }
    }

    private HttpRequest.Builder post(String baseUrl, String path, BenchOptions.Credentials who, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", who.header())
                    .header("X-Actor", who.user())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new WorkflowFailure("unreadable answer: " + new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String systemState(JsonNode view, String system) {
        for (JsonNode entry : view.path("systems")) {
            if (system.equals(entry.path("system").asText())) {
                return entry.path("state").asText();
            }
        }
        return "";
    }

    private static boolean anyLine(JsonNode view, String part, String field) {
        for (JsonNode line : view.path("lines")) {
            if (line.path(part).path(field).asInt() > 0) {
                return true;
            }
        }
        return false;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "loadgen-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        stopped = true;
        timer.shutdownNow();
        httpThreads.shutdownNow();
    }

    static final class WorkflowFailure extends RuntimeException {
        WorkflowFailure(String message) {
            super(message, null, false, false);
        }
    }
}
