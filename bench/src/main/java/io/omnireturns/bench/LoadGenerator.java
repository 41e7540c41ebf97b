package io.omnireturns.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.harness.BasicAuth;
import io.omnireturns.harness.ReturnPlan;
import io.omnireturns.harness.ReturnPlan.Kind;
import io.omnireturns.harness.StatusCondition;
import io.omnireturns.harness.StatusStream;
import io.omnireturns.harness.StatusWatch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * Drives complete return workflows through the public REST API, asynchronously: a handful of threads keep hundreds
 * of workflows going. A workflow is one of
 * <ul>
 *     <li>WEB mail-back: request (2 lines) as {@code web-shop}, wait for the carrier label in the status view, receive
 *     and inspect as {@code warehouse}, wait for {@code COMPLETED};</li>
 *     <li>STORE: request (2 lines) as {@code pos}, receive and inspect at the counter at once, wait for COMPLETED;</li>
 *     <li>EXCHANGE: a web mail-back (2 lines) with a replacement SKU per line.</li>
 * </ul>
 * (the bodies: {@link ReturnPlan}). The generator does not poll: it follows one status stream
 * ({@code GET /api/v1/returns/events}, {@link StatusStream}) and each wait is ended by a change on it
 * ({@link StatusWatch}): the label needs the status view, read once per change of the return; the rest is decided on
 * the stream's summaries. A return without news for {@code --fallback-poll} is read once (counted, ~0).
 * Measured: every REST command's latency (request sent to answer received), the projection lag after the request,
 * the receipt and the inspection (command answered to the arrival of the first change that shows it), and the
 * workflow's duration (request sent to the arrival of COMPLETED). Each workflow orders from its own copy of a demo
 * order ({@code BENCH-<demo number>-<run>-<n>}, the sandbox's copy prefix). Given several nodes of one deployment,
 * workflows take turns over them; the stream is held on the first node (the next one if it goes away).
 */
final class LoadGenerator implements AutoCloseable {

    static final String ORDER_PREFIX = "BENCH-";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Three of the server's 15 s keep-alive comments missed: the connection is given up and opened again. */
    private static final Duration STREAM_SILENCE = Duration.ofSeconds(45);

    private final List<String> baseUrls;
    private final BenchOptions options;
    private final String runId;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(3, daemon("http"));
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("timer"));
    private final AtomicLong sequence = new AtomicLong();
    private final StatusWatch watch;
    private final StatusStream stream;

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

    /**
     * Workflow {@code n} goes to node {@code n mod nodes}, all its requests to that node. Answers once the status
     * stream is connected.
     */
    LoadGenerator(List<String> baseUrls, BenchOptions options, String runId) throws InterruptedException {
        this.baseUrls = List.copyOf(baseUrls);
        this.options = options;
        this.runId = runId;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.watch = new StatusWatch(this::readView, httpThreads, options.fallbackPoll());
        this.stream = new StatusStream(this.baseUrls, options.serviceAgent().header(), watch, STREAM_SILENCE).start();
        if (!stream.awaitConnected(Duration.ofSeconds(30))) {
            close();
            throw new IllegalStateException("the status stream " + StatusStream.PATH + " did not connect in 30 s");
        }
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
                .handle((completedAt, failure) -> {
                    inFlight.decrementAndGet();
                    if (failure == null) {
                        if (measuring) {
                            completed.increment();
                            completedByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
                            workflowDuration.add((completedAt - started) / 1000);
                        }
                    } else {
                        failed.increment();
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        String reason = cause instanceof WorkflowFailure || cause instanceof StatusWatch.WaitFailure
                                ? cause.getMessage() : cause.getClass().getSimpleName();
                        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
                    }
                    return null;
                });
        return done;
    }

    /** One return from request to COMPLETED; answers when COMPLETED arrived on the status stream. */
    private final class Workflow {
        private final ReturnPlan plan;
        private final long deadline = System.nanoTime() + options.workflowTimeout().toNanos();
        private final boolean probesLag;
        private final String baseUrl;
        private String returnId;

        Workflow(Kind kind, long n) {
            this.plan = ReturnPlan.of(kind, ORDER_PREFIX, runId, n, runId + "-" + n, false);
            this.probesLag = n % options.lagSampleEvery() == 0;
            this.baseUrl = baseUrls.get((int) (n % baseUrls.size()));
        }

        CompletableFuture<Long> run() {
            return request()
                    .thenCompose(answer -> lag("request", answer, StatusCondition.EXISTS))
                    .thenCompose(ignored -> plan.mailedBack() ? await(StatusCondition.LABEL_ISSUED)
                            : CompletableFuture.completedFuture(null))
                    .thenCompose(ignored -> command("receipt", "/receipts", options.warehouse(), plan.receipt()))
                    .thenCompose(answer -> lag("receipt", answer, StatusCondition.RECEIVED))
                    .thenCompose(ignored -> command("inspection", "/inspections", options.warehouse(),
                            plan.inspection()))
                    .thenCompose(answer -> lag("inspection", answer, StatusCondition.INSPECTED))
                    .thenCompose(ignored -> await(StatusCondition.COMPLETED))
                    .thenApply(StatusWatch.Seen::arrivedNanos)
                    .whenComplete((ignored, failure) -> {
                        if (returnId != null) {
                            watch.forget(returnId);
                        }
                    });
        }

        private CompletableFuture<Long> request() {
            BenchOptions.Credentials who = plan.kind() == Kind.STORE ? options.pos() : options.webShop();
            long mark = watch.mark();
            long sent = System.nanoTime();
            return send(post(baseUrl, "/api/v1/returns", who, plan.request()).header("Idempotency-Key", plan.key())
                    .build())
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
                        watch.track(returnId, mark);
                        return answered;
                    });
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

        /** Projection lag: from the command's answer to the arrival of the first change that shows its effect. */
        private CompletableFuture<Void> lag(String command, long answeredNanos, StatusCondition visible) {
            if (!probesLag) {
                return CompletableFuture.completedFuture(null);
            }
            return await(visible).thenAccept(seen -> {
                if (measuring) {
                    // a change can arrive while the answer is still being read: it was visible at the answer
                    long micros = Math.max(0, seen.arrivedNanos() - answeredNanos) / 1000;
                    projectionLag.add(micros);
                    projectionLagByCommand.computeIfAbsent(command, c -> new Samples()).add(micros);
                }
            });
        }

        private CompletableFuture<StatusWatch.Seen> await(StatusCondition condition) {
            return watch.await(returnId, condition, deadline);
        }
    }

    /** The status view, read when the stream's summary does not tell enough (or after a gap); null while 404. */
    private CompletableFuture<JsonNode> readView(String returnId) {
        String baseUrl = baseUrls.get(Math.floorMod(returnId.hashCode(), baseUrls.size()));
        HttpRequest get = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/returns/" + returnId))
                .header("Authorization", options.serviceAgent().header())
                .timeout(Duration.ofSeconds(30)).GET().build();
        return send(get).thenApply(response -> {
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new WorkflowFailure("status view answered " + response.statusCode());
            }
            return parse(response.body());
        });
    }

    /** What the status stream did for this generator so far: changes received, reads it needed, connections. */
    Map<String, Object> streamFigures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("connections", stream.connections());
        figures.put("changes", stream.changes());
        figures.put("view_reads_on_change", watch.changeReads());
        figures.put("catch_up_reads", watch.catchUpReads());
        figures.put("fallback_polls", watch.fallbackReads());
        return figures;
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

    static String basic(String user, String password) {
        return BasicAuth.header(user, password);
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
        if (stream != null) {
            stream.close();
        }
        if (watch != null) {
            watch.close();
        }
        timer.shutdownNow();
        httpThreads.shutdownNow();
    }

    static final class WorkflowFailure extends RuntimeException {
        WorkflowFailure(String message) {
            super(message, null, false, false);
        }
    }
}
