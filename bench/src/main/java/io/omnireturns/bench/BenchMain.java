package io.omnireturns.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omnireturns.bench.scale.ScaleBenchmark;
import io.omnireturns.bench.scale.ScaleResult;
import io.omnireturns.bench.scale.ScaleSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The benchmark harness (see BENCHMARKS.md): per phase, a fresh PostgreSQL and the all-in-one service (one node, or
 * two of the same jar) as child processes, driven through the REST API with complete return workflows.
 * <ol>
 *     <li>commit ceiling of that PostgreSQL over JDBC;</li>
 *     <li>our configuration: closed-loop maximum throughput, then an open-loop offered rate for latency and lag;</li>
 *     <li>the unoptimised engine ({@code omnireturns.engine.optimised=false}), same closed-loop workload: the
 *     yardstick of what the engine's optimisations buy;</li>
 *     <li>Axon's out-of-the-box processor configuration, same closed-loop workload;</li>
 *     <li>two nodes on one PostgreSQL, closed loop, for the efficiency per node;</li>
 *     <li>slow systems: every connector with a log-normal latency, closed loop with more workflows at once;</li>
 *     <li>replay and queries at scale (see {@link ScaleBenchmark}).</li>
 * </ol>
 * Every workflow phase reports what one workflow cost: database commits, rows written, CPU of the service and of
 * PostgreSQL. Results go to {@code bench/results/<timestamp>.json} and {@code latest.json}; the last line printed is
 * the summary ({@link BenchReport}).
 */
public final class BenchMain {

    static final String[] PROCESSORS = {"return-process", "return-status",
            "exception-queue", "finance-ledger", "kpi"};
    static final String OPTIMISED = "omnireturns.engine.optimised";

    private final BenchOptions options;
    private final Path logDir;
    private final String stamp;

    private BenchMain(BenchOptions options, String stamp) {
        this.options = options;
        this.stamp = stamp;
        this.logDir = options.resultsDir().resolve("logs").resolve(stamp);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        new BenchMain(options, stamp).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("started_at", started.toString());
        report.put("machine", BenchReport.machine());
        report.put("options", options.describe());
        Map<String, Object> phases = new LinkedHashMap<>();
        report.put("phases", phases);

        // 1 and 2: commit ceiling and our configuration, on one deployment
        say("phase: commit ceiling and our configuration");
        try (Deployment ours = Deployment.start("ours", 1, options, options.serviceProperties(), logDir)) {
            say("  commit ceiling: " + options.poolSize() + " connections for " + options.ceilingDuration().toSeconds() + "s");
            phases.put("commit_ceiling", CommitCeiling.measure(ours.jdbcUrl(), options.poolSize(),
                    options.ceilingDuration()));
            say("  closed loop: " + options.concurrency() + " workflows at once");
            Map<String, Object> closed = closedLoop(ours, "ours", options.concurrency());
            phases.put("ours_closed_loop", closed);
            say("  open loop: " + options.offeredRate() + " workflows/s offered");
            phases.put("ours_offered_rate", openLoop(ours, "ours-open", options.offeredRate()));
            // latency and lag at a load this machine can carry, beside the target's fixed rate
            double sustainable = round(BenchReport.num(closed, "workflows_per_s") * options.sustainableFraction(), 1);
            if (sustainable > 0) {
                say("  open loop: " + sustainable + " workflows/s offered (" + options.sustainableFraction()
                        + " of the closed-loop throughput)");
                phases.put("ours_offered_sustainable", openLoop(ours, "ours-sustainable", sustainable));
            }
            closed.put("service", ours.figures());
        }
        if (options.unoptimised()) {
            say("phase: the engine unoptimised (" + OPTIMISED + "=false)");
            Map<String, String> properties = new LinkedHashMap<>(options.serviceProperties());
            properties.put(OPTIMISED, "false");
            phases.put("unoptimised_closed_loop", closedLoopPhase("unoptimised", 1, properties, options.concurrency()));
        }
        if (options.defaultAxon()) {
            say("phase: Axon's out-of-the-box configuration");
            Map<String, String> properties = new LinkedHashMap<>(options.serviceProperties());
            properties.putAll(defaultAxonProperties());
            phases.put("default_axon_closed_loop", closedLoopPhase("default-axon", 1, properties, options.concurrency()));
        }
        if (options.twoNode()) {
            int concurrency = options.twoNodeConcurrency();
            say("phase: two nodes on one PostgreSQL, " + concurrency + " workflows at once");
            phases.put("two_node_closed_loop", closedLoopPhase("two-node", 2, options.serviceProperties(), concurrency));
        }
        if (options.slow()) {
            say("phase: slow systems (log-normal latency, median " + options.slowMedian().toMillis() + " ms, sigma "
                    + options.slowSigma() + ", on every connector)");
            Map<String, String> properties = new LinkedHashMap<>(options.serviceProperties());
            properties.put("omnireturns.connectors.all.sandbox.latency", options.slowMedian().toMillis() + "ms");
            properties.put("omnireturns.connectors.all.sandbox.latency-distribution", "log-normal");
            properties.put("omnireturns.connectors.all.sandbox.latency-sigma", String.valueOf(options.slowSigma()));
            if (options.slowCallThreads() > 0) { // 0: the service's own setting, as in the other phases
                properties.putIfAbsent("omnireturns.process.call-threads", String.valueOf(options.slowCallThreads()));
            }
            phases.put("slow_systems_closed_loop", closedLoopPhase("slow", 1, properties, options.slowConcurrency()));
        }
        ScaleResult scale = null;
        if (options.scale()) {
            say("phase: replay and queries at scale (" + options.scaleReturns() + " returns generated in the event store)");
            scale = scalePhase();
            report.put("scale", scale); // beside the workflow phases, which all share one shape
        }
        report.put("load_generator_cpu_s", round(MeasuringWindow.processCpuSeconds(), 1));
        report.put("finished_at", Instant.now().toString());
        report.put("duration_s", Duration.between(started, Instant.now()).toSeconds());
        BenchReport out = new BenchReport(options);
        Map<String, Object> summary = out.summary(phases, scale);
        report.put("summary", summary);
        write(report);
        out.printTables(phases, summary);
        System.out.println(out.summaryLine(summary));
    }

    /** A deployment of its own, one closed-loop window on it; the overrides it was given are in its result. */
    private Map<String, Object> closedLoopPhase(String name, int nodes, Map<String, String> properties,
                                                int concurrency) throws Exception {
        try (Deployment deployment = Deployment.start(name, nodes, options, properties, logDir)) {
            Map<String, Object> closed = closedLoop(deployment, name, concurrency);
            closed.put("service", deployment.figures());
            if (!properties.equals(options.serviceProperties())) {
                closed.put("overrides", properties);
            }
            return closed;
        }
    }

    /**
     * The store generated through the real event store format, the status view and finance ledger replayed from it,
     * then status by id and search by customer queried (see {@link ScaleBenchmark}); in a fresh folder, removed after.
     */
    private ScaleResult scalePhase() throws Exception {
        Path dataDir = Files.createTempDirectory("omnireturns-scale-");
        try {
            List<String> args = new ArrayList<>(List.of(
                    "--returns=" + options.scaleReturns(),
                    "--queries=" + options.scaleQueries(),
                    // as many warm-up requests as measured ones: the JIT has compiled the read path by then (with a
                    // fifth as many, status p99 at 1M returns read 5.8-6.9 ms instead of 3.9-4.6: a cold service)
                    "--warmupQueries=" + options.scaleQueries(),
                    "--serviceJar=" + options.serviceJar(),
                    "--heap=" + options.serviceHeap(),
                    "--dataDir=" + dataDir,
                    "--reuseStore=false"));
            options.serviceProperties().forEach((name, value) -> args.add("--serviceArg=--" + name + "=" + value));
            options.serviceJvmArgs().forEach(arg -> args.add("--serviceJvmArg=" + arg));
            ScaleResult result = ScaleBenchmark.run(ScaleSettings.fromArgs(args.toArray(String[]::new)));
            say("    " + result.replays() + " status p99 " + result.statusById().p99Millis() + " ms, search p99 "
                    + result.searchByCustomer().p99Millis() + " ms");
            return result;
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Axon as Spring Boot configures it when told nothing: tracking processors, one thread and segment, batch 1. */
    static Map<String, String> defaultAxonProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        for (String processor : PROCESSORS) {
            String prefix = "axon.eventhandling.processors." + processor + ".";
            p.put(prefix + "mode", "tracking");
            p.put(prefix + "thread-count", "1");
            p.put(prefix + "initial-segment-count", "1");
            p.put(prefix + "batch-size", "1");
        }
        // processors look for new events every 500 ms when idle, as Axon's embedded event store makes them
        p.put("omnireturns.axon.commit-notification.enabled", "false");
        // no snapshots (Axon snapshots nothing unless told to)
        p.put("omnireturns.command.snapshot-threshold", String.valueOf(Integer.MAX_VALUE));
        return p;
    }

    private Map<String, Object> closedLoop(Deployment deployment, String run, int concurrency) throws Exception {
        return measure(deployment, run, generator -> generator.startClosedLoop(concurrency), options.warmup(),
                options.measure(), "closed_loop_concurrency", concurrency);
    }

    private Map<String, Object> openLoop(Deployment deployment, String run, double rate) throws Exception {
        return measure(deployment, run, generator -> generator.startOpenLoop(rate),
                Duration.ofMillis(Math.min(options.warmup().toMillis(), 5000)), options.offeredDuration(),
                "offered_workflows_per_s", rate);
    }

    /** Starts the load, waits out the warm-up, measures one window, stops the load and drains what is in flight. */
    private Map<String, Object> measure(Deployment deployment, String run, Consumer<LoadGenerator> load,
                                        Duration warmup, Duration duration, String loadKey, Object loadValue)
            throws Exception {
        try (LoadGenerator generator = new LoadGenerator(deployment.baseUrls(), options, stamp + "-" + run)) {
            load.accept(generator);
            Thread.sleep(warmup.toMillis());
            MeasuringWindow window = MeasuringWindow.open(deployment, generator);
            Thread.sleep(duration.toMillis());
            Map<String, Object> result = window.close();
            generator.stop();
            int left = generator.drain(options.drain());
            result.put(loadKey, loadValue);
            result.put("still_in_flight_after_drain", left);
            result.put("status_stream", generator.streamFigures()); // the generator's whole life, warm-up included
            say("    " + BenchReport.oneLine(result));
            return result;
        }
    }

    private void write(Map<String, Object> report) throws Exception {
        Files.createDirectories(options.resultsDir());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] bytes = json.writeValueAsBytes(report);
        Files.write(options.resultsDir().resolve(stamp + ".json"), bytes);
        Files.write(options.resultsDir().resolve("latest.json"), bytes);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static void say(String line) {
        System.out.println("[" + Instant.now().toString().substring(11, 19) + "] " + line);
    }
}
