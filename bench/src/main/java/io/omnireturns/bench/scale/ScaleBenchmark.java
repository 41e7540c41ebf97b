package io.omnireturns.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omnireturns.bench.scale.ScaleResult.Latency;
import io.omnireturns.bench.scale.ScaleResult.Replay;
import io.omnireturns.bench.scale.ScaleResult.Verification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * Issue 6, part 4: replay and queries at scale.
 * <ol>
 *     <li>Generate a store: run three real returns through the service (captured as templates), then write
 *     {@code returns} returns in the service's own row format with {@code COPY} ({@link StoreGenerator}), and move
 *     every processor's token to the head, as if the service had handled them all (no saga, deadline or remote
 *     call is started for them).</li>
 *     <li>Start the service on that store and rebuild each view through the admin API
 *     ({@code POST /api/v1/admin/processors/{name}/replay}), timing it until the slowest segment reaches the head.</li>
 *     <li>Check generated returns: the stored view equals what {@code /state} rebuilds from their events, and
 *     {@code /history} shows every generated event.</li>
 *     <li>Measure {@code GET /api/v1/returns/{id}} and {@code GET /api/v1/returns?customerId=} with random
 *     generated returns and customers, after a warm-up.</li>
 * </ol>
 * Run alone: {@code java -Dloader.main=io.omnireturns.bench.scale.ScaleBenchmark -cp bench/target/omnireturns-bench.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher --returns=100000 ...}; it prints the result as JSON.
 */
public final class ScaleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ScaleBenchmark() {
    }

    /** Prints the result as JSON on standard output (and nothing else: logs go to standard error). */
    public static void main(String[] args) throws Exception {
        java.io.PrintStream out = System.out;
        System.setOut(System.err); // before any logger starts, so library logs cannot mix into the result
        ScaleResult result = run(ScaleSettings.fromArgs(args));
        out.println(JSON.writeValueAsString(result));
        out.flush();
        System.exit(result.verification().passed() ? 0 : 2);
    }

    public static ScaleResult run(ScaleSettings settings) {
        try {
            return new ScaleBenchmark().execute(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private ScaleResult execute(ScaleSettings settings) throws Exception {
        Path root = settings.dataDir().toAbsolutePath();
        Files.createDirectories(root);
        Path cluster = root.resolve("postgres");
        Path manifestFile = root.resolve("manifest.json");
        Path log = root.resolve("service.log");
        int postgresPort = settings.postgresPort() == 0 ? ServiceProcess.freePort() : settings.postgresPort();

        StoreManifest manifest = StoreManifest.read(manifestFile);
        boolean generate = manifest == null || !settings.reuseStore() || manifest.returns() < settings.returns()
                || !Files.exists(cluster);
        if (generate) {
            manifest = generate(settings, cluster, manifestFile, log, postgresPort);
        } else {
            Progress.say("reusing the store in " + cluster + ": " + manifest.returns() + " generated returns, "
                    + manifest.events() + " events");
        }

        if (settings.viewSegments() > 0) {
            resegment(cluster, postgresPort, settings.views(), settings.viewSegments());
        }
        Path gcLog = root.resolve("service-gc.log");
        Files.deleteIfExists(gcLog);
        ScaleSettings measured = settings.withServiceJvmArg("-Xlog:gc:file=" + gcLog);
        ScaleResult result;
        try (ServiceProcess service = ServiceProcess.start(measured, cluster, postgresPort, log)) {
            List<Replay> replays = new ArrayList<>();
            for (String view : settings.views()) {
                replays.add(replay(service, settings, view.strip()));
            }
            StoreFacts facts = storeFacts(postgresPort);
            Verification verification = verify(service, settings, manifest);
            Progress.say("verification: " + verification);
            StoreManifest store = manifest;
            SplittableRandom random = new SplittableRandom(42);
            Latency byId = measure(service, settings, "status by id", n -> "/api/v1/returns/"
                    + StoreGenerator.returnId(n), store.returns(), random.split());
            Latency byCustomer = measure(service, settings, "search by customer", n -> "/api/v1/returns?customerId="
                    + URLEncoder.encode(StoreGenerator.customerId(n % store.customers()), StandardCharsets.UTF_8),
                    store.customers(), random.split());
            result = new ScaleResult(facts.returns(), facts.events(), generate,
                    generate ? manifest.generationSeconds() : 0,
                    generate ? manifest.events() / manifest.generationSeconds() : 0, facts.eventTableBytes(),
                    replays, byId, byCustomer, facts.statusViewRows(), 0, 0, 0, verification);
        }
        HeapFigures heap = HeapFigures.of(gcLog);
        result = result.withHeap(heap.peakBytes(), heap.liveAfterGcBytes(), heap.maxBytes());
        JSON.writeValue(root.resolve("result.json").toFile(), result);
        return result;
    }

    // ---- generation -----------------------------------------------------------------------------------------

    private static StoreManifest generate(ScaleSettings settings, Path cluster, Path manifestFile, Path log,
                                          int postgresPort) throws Exception {
        if (Files.exists(cluster)) {
            Progress.say("removing the old store in " + cluster);
            try (Stream<Path> files = Files.walk(cluster)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.deleteIfExists(manifestFile);
        List<ReturnTemplate> templates;
        try (ServiceProcess service = ServiceProcess.start(settings, cluster, postgresPort, log)) {
            templates = TemplateCapture.capture(service, settings, postgresPort);
        }
        Progress.say("the service is stopped; writing " + settings.returns() + " returns");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_wal_size", "16GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("shared_buffers", "256MB")
                .start()) {
            String url = "jdbc:postgresql://localhost:" + postgresPort + "/omnireturns";
            StoreGenerator generator = new StoreGenerator(templates, settings.returns(), settings.returnsPerCustomer(),
                    Instant.now().minus(1, ChronoUnit.DAYS));
            long started = System.nanoTime();
            long events;
            try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
                StoreGenerator.SecondaryIndexes indexes = StoreGenerator.SecondaryIndexes.of(connection);
                indexes.drop(connection);
                events = generator.generate(url, settings.writers());
                Progress.say("wrote " + events + " events in " + seconds(started) + " s; building the indexes");
                indexes.create(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE domainevententry");
                    // every processor has seen it all: nothing starts for the generated returns but the replays
                    int tokens = statement.executeUpdate("""
                            UPDATE tokenentry
                               SET token = convert_to('{"index":' || (SELECT max(globalindex) FROM domainevententry)
                                                      || ',"gaps":[]}', 'UTF8'),
                                   tokentype = 'org.axonframework.eventhandling.GapAwareTrackingToken',
                                   owner = NULL""");
                    Progress.say("moved " + tokens + " processor tokens to the head");
                }
            }
            double seconds = seconds(started);
            Progress.say("store generated in " + seconds + " s (" + Math.round(events / seconds) + " events/s)");
            StoreManifest manifest = new StoreManifest(settings.returns(), settings.returnsPerCustomer(),
                    generator.customers(), events, seconds, templates.stream()
                    .map(t -> new StoreManifest.TemplateSummary(t.name(), t.share(), t.events(), t.returnEventTypes()))
                    .toList());
            manifest.write(manifestFile);
            return manifest;
        }
    }

    /** Gives each view's processor {@code segments} segments, all at the head of the store (before a replay). */
    private static void resegment(Path cluster, int postgresPort, List<String> views, int segments) throws Exception {
        if (Integer.bitCount(segments) != 1) {
            throw new IllegalArgumentException("viewSegments must be a power of two: " + segments);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(cluster)
                .setCleanDataDirectory(false).setPort(postgresPort).start();
             Connection connection = DriverManager.getConnection(
                     "jdbc:postgresql://localhost:" + postgresPort + "/omnireturns", "postgres", "postgres")) {
            connection.setAutoCommit(false);
            for (String view : views) {
                try (java.sql.PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM tokenentry WHERE processorname = ?");
                     java.sql.PreparedStatement insert = connection.prepareStatement("""
                             INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp, owner)
                             VALUES (?, ?, convert_to('{"index":' || (SELECT max(globalindex) FROM domainevententry)
                                                      || ',"gaps":[]}', 'UTF8'),
                                     'org.axonframework.eventhandling.GapAwareTrackingToken', ?, NULL)""")) {
                    delete.setString(1, view);
                    delete.executeUpdate();
                    for (int segment = 0; segment < segments; segment++) {
                        insert.setString(1, view);
                        insert.setInt(2, segment);
                        insert.setString(3, org.axonframework.common.DateTimeUtils.formatInstant(Instant.now()));
                        insert.executeUpdate();
                    }
                }
            }
            connection.commit();
            Progress.say("gave " + views + " " + segments + " segments each");
        }
    }

    // ---- replay ---------------------------------------------------------------------------------------------

    private static Replay replay(ServiceProcess service, ScaleSettings settings, String processor) {
        String path = "/api/v1/admin/processors/" + processor;
        Progress.say("replaying " + processor);
        double cpuBefore = ProcessTreeCpu.seconds(service.pid());
        long started = System.nanoTime();
        service.json(service.post(path + "/replay", settings.operationsUser(), null)
                .header("X-Actor", "scale-benchmark"));
        long deadline = started + TimeUnit.SECONDS.toNanos(settings.replayTimeoutSeconds());
        long lastReport = started;
        while (true) {
            JsonNode status = service.json(service.get(path, settings.operationsUser()));
            long head = status.get("headPosition").asLong();
            JsonNode lag = status.get("lag");
            if (!status.get("replaying").asBoolean() && lag != null && !lag.isNull() && lag.asLong() == 0) {
                double seconds = seconds(started);
                double cpu = ProcessTreeCpu.seconds(service.pid()) - cpuBefore;
                Replay replay = new Replay(processor, head, seconds, head / seconds, cpu,
                        cpu > 0 ? head / cpu : 0, status.get("deadLetters").asLong());
                Progress.say("replayed " + replay);
                return replay;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replay of " + processor + " did not finish in "
                        + settings.replayTimeoutSeconds() + " s: " + status);
            }
            if (!service.alive()) {
                throw new IllegalStateException("the service died during the replay of " + processor);
            }
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                lastReport = System.nanoTime();
                Progress.say(processor + " at " + status.get("lowestPosition") + " of " + head + " after "
                        + Math.round(seconds(started)) + " s");
            }
            ServiceProcess.sleep(250);
        }
    }

    // ---- verification ---------------------------------------------------------------------------------------

    private static Verification verify(ServiceProcess service, ScaleSettings settings, StoreManifest manifest) {
        SplittableRandom random = new SplittableRandom(7);
        List<String> problems = new ArrayList<>();
        int viewEqualsReplay = 0;
        int historyComplete = 0;
        String asOf = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < settings.verifyReturns(); i++) {
            long n = random.nextLong(manifest.returns());
            String id = StoreGenerator.returnId(n).toString();
            JsonNode view = service.json(service.get("/api/v1/returns/" + id, settings.readerUser()));
            JsonNode rebuilt = service.json(service.get("/api/v1/returns/" + id + "/state?asOf=" + asOf,
                    settings.auditorUser()));
            if (view.equals(rebuilt)) {
                viewEqualsReplay++;
            } else {
                problems.add("return " + id + ": view " + view + " differs from its replay " + rebuilt);
            }
            JsonNode events = TemplateCapture.history(service, settings, id).get("events");
            List<String> types = new ArrayList<>();
            events.forEach(event -> types.add(event.get("eventType").asText() + "@" + event.get("revision").asText()));
            List<String> expected = manifest.templateOf(n).returnEventTypes();
            if (types.equals(expected)) {
                historyComplete++;
            } else {
                problems.add("return " + id + ": history " + types + ", generated " + expected);
            }
        }
        return new Verification(settings.verifyReturns(), viewEqualsReplay, historyComplete, problems);
    }

    // ---- queries --------------------------------------------------------------------------------------------

    private static Latency measure(ServiceProcess service, ScaleSettings settings, String name,
                                   LongFunction<String> path, long range, SplittableRandom random) throws Exception {
        if (settings.queries() <= 0) {
            return null;
        }
        Progress.say("warming up " + name + " with " + settings.warmupQueries() + " requests");
        run(service, settings, path, range, random.split(), settings.warmupQueries(), null);
        long[] nanos = new long[settings.queries()];
        long started = System.nanoTime();
        int errors = run(service, settings, path, range, random.split(), settings.queries(), nanos);
        double seconds = seconds(started);
        Arrays.sort(nanos);
        Latency latency = new Latency(nanos.length, errors, millis(nanos, 0.50), millis(nanos, 0.99),
                millis(nanos, 0.999), nanos[nanos.length - 1] / 1e6, nanos.length / seconds);
        Progress.say(name + ": " + latency);
        return latency;
    }

    private static int run(ServiceProcess service, ScaleSettings settings, LongFunction<String> path, long range,
                           SplittableRandom random, int requests, long[] nanos) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        int threads = Math.max(1, settings.queryThreads());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SplittableRandom own = random.split();
                work.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        String target = path.apply(own.nextLong(range));
                        long started = System.nanoTime();
                        HttpResponse<String> response = service.send(service.get(target, settings.readerUser()));
                        long took = System.nanoTime() - started;
                        if (response.statusCode() != 200 || response.body().length() < 20) {
                            if (errors.incrementAndGet() <= 3) {
                                Progress.say(target + " answered " + response.statusCode() + ": " + response.body());
                            }
                        }
                        if (nanos != null) {
                            nanos[i] = took;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return errors.get();
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 1e3) / 1e3;
    }

    // ---- the store ------------------------------------------------------------------------------------------

    private record StoreFacts(long returns, long events, long eventTableBytes, long statusViewRows) {
    }

    private static StoreFacts storeFacts(int postgresPort) throws SQLException {
        String url = "jdbc:postgresql://localhost:" + postgresPort + "/omnireturns";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            return new StoreFacts(
                    single(statement, "SELECT count(*) FROM domainevententry WHERE type = 'ReturnAggregate'"
                            + " AND sequencenumber = 0"),
                    single(statement, "SELECT max(globalindex) FROM domainevententry"),
                    single(statement, "SELECT pg_total_relation_size('domainevententry')"),
                    single(statement, "SELECT count(*) FROM return_status_view"));
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e6) / 1e3;
    }

    /**
     * Heap figures from the service's GC log ({@code -Xlog:gc}): the most the heap held before a collection (its
     * peak), the most it still held after one (the live data at its largest) and its limit. Reading the log costs
     * the service nothing while it is measured.
     */
    record HeapFigures(long peakBytes, long liveAfterGcBytes, long maxBytes) {

        private static final java.util.regex.Pattern PAUSE =
                java.util.regex.Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

        static HeapFigures of(Path gcLog) throws IOException {
            long peak = 0;
            long live = 0;
            long max = 0;
            if (Files.exists(gcLog)) {
                for (String line : Files.readAllLines(gcLog)) {
                    java.util.regex.Matcher m = PAUSE.matcher(line);
                    if (m.find()) {
                        peak = Math.max(peak, bytes(m.group(1), m.group(2)));
                        live = Math.max(live, bytes(m.group(3), m.group(4)));
                        max = Math.max(max, bytes(m.group(5), m.group(6)));
                    }
                }
            }
            return new HeapFigures(peak, live, max);
        }

        private static long bytes(String number, String unit) {
            long value = Long.parseLong(number);
            return switch (unit) {
                case "K" -> value << 10;
                case "M" -> value << 20;
                default -> value << 30;
            };
        }
    }
}
