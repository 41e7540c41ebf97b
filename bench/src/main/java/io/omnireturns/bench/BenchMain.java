package io.omnireturns.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omnireturns.bench.scale.ScaleBenchmark;
import io.omnireturns.bench.scale.ScaleResult;
import io.omnireturns.bench.scale.ScaleSettings;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark harness (see BENCHMARKS.md): starts the all-in-one service as a child process on a fresh embedded
 * PostgreSQL per phase and drives complete return workflows through its REST API.
 * <ol>
 *     <li>commit ceiling of that PostgreSQL over JDBC;</li>
 *     <li>our configuration: closed-loop maximum throughput, then an open-loop offered rate for latency and lag;</li>
 *     <li>Axon's out-of-the-box configuration, same closed-loop workload;</li>
 *     <li>slow systems: every connector with a log-normal latency, closed loop with more workflows at once.</li>
 * </ol>
 * Results go to {@code bench/results/<timestamp>.json} and {@code latest.json}; the last line printed is the summary.
 */
public final class BenchMain {

    private static final String COMMANDS_METRIC = "commandBus.allTimer";
    private static final String[] PROCESSORS = {"return-process", "order-ledger-release", "return-status",
            "exception-queue", "finance-ledger", "kpi"};

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
        report.put("machine", machine());
        report.put("options", options.describe());
        Map<String, Object> phases = new LinkedHashMap<>();
        report.put("phases", phases);

        // 1 and 2: commit ceiling and our configuration, on one service
        say("phase: commit ceiling and our configuration");
        try (ServiceProcess service = ServiceProcess.start("ours", options, options.serviceProperties(), logDir)) {
            say("  commit ceiling: " + options.poolSize() + " connections for " + options.ceilingDuration().toSeconds() + "s");
            phases.put("commit_ceiling", CommitCeiling.measure(service.jdbcUrl(), options.poolSize(),
                    options.ceilingDuration()));
            say("  closed loop: " + options.concurrency() + " workflows at once");
            Map<String, Object> closed = closedLoop(service, "ours", options.concurrency());
            phases.put("ours_closed_loop", closed);
            say("  open loop: " + options.offeredRate() + " workflows/s offered");
            phases.put("ours_offered_rate", openLoop(service, "ours-open", options.offeredRate()));
            // latency and lag at a load this machine can carry, beside the target's fixed rate
            double sustainable = round(num(closed, "workflows_per_s") * options.sustainableFraction(), 1);
            if (sustainable > 0) {
                say("  open loop: " + sustainable + " workflows/s offered (" + options.sustainableFraction()
                        + " of the closed-loop throughput)");
                phases.put("ours_offered_sustainable", openLoop(service, "ours-sustainable", sustainable));
            }
            closed.put("service", serviceFigures(service));
        }
        if (options.defaultAxon()) {
            say("phase: Axon's out-of-the-box configuration");
            Map<String, String> properties = new LinkedHashMap<>(options.serviceProperties());
            properties.putAll(defaultAxonProperties());
            try (ServiceProcess service = ServiceProcess.start("default-axon", options, properties, logDir)) {
                Map<String, Object> closed = closedLoop(service, "default", options.concurrency());
                closed.put("service", serviceFigures(service));
                closed.put("overrides", properties);
                phases.put("default_axon_closed_loop", closed);
            }
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
            try (ServiceProcess service = ServiceProcess.start("slow", options, properties, logDir)) {
                Map<String, Object> closed = closedLoop(service, "slow", options.slowConcurrency());
                closed.put("service", serviceFigures(service));
                closed.put("overrides", properties);
                phases.put("slow_systems_closed_loop", closed);
            }
        }
        ScaleResult scale = null;
        if (options.scale()) {
            say("phase: replay and queries at scale (" + options.scaleReturns() + " returns generated in the event store)");
            scale = scalePhase();
            report.put("scale", scale); // beside the workflow phases, which all share one shape
        }
        report.put("load_generator_cpu_s", round(processCpuSeconds(), 1));
        report.put("finished_at", Instant.now().toString());
        report.put("duration_s", Duration.between(started, Instant.now()).toSeconds());
        Map<String, Object> summary = summary(phases, scale);
        report.put("summary", summary);
        write(report);
        printTable(phases, summary);
        System.out.println(summaryLine(summary));
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

    private Map<String, Object> closedLoop(ServiceProcess service, String run, int concurrency) throws Exception {
        return measure(service, run, generator -> generator.startClosedLoop(concurrency), options.warmup(),
                options.measure(), "closed_loop_concurrency", concurrency);
    }

    private Map<String, Object> openLoop(ServiceProcess service, String run, double rate) throws Exception {
        return measure(service, run, generator -> generator.startOpenLoop(rate),
                Duration.ofMillis(Math.min(options.warmup().toMillis(), 5000)), options.offeredDuration(),
                "offered_workflows_per_s", rate);
    }

    /** Starts the load, waits out the warm-up, measures one window, stops the load and drains what is in flight. */
    private Map<String, Object> measure(ServiceProcess service, String run, Consumer<LoadGenerator> load,
                                        Duration warmup, Duration duration, String loadKey, Object loadValue)
            throws Exception {
        try (LoadGenerator generator = new LoadGenerator(service.baseUrl(), options, stamp + "-" + run)) {
            load.accept(generator);
            Thread.sleep(warmup.toMillis());
            Window window = Window.open(service, generator);
            Thread.sleep(duration.toMillis());
            Map<String, Object> result = window.close();
            generator.stop();
            int left = generator.drain(options.drain());
            result.put(loadKey, loadValue);
            result.put("still_in_flight_after_drain", left);
            say("    " + oneLine(result));
            return result;
        }
    }

    /** One measuring window: counters and CPU at its start, everything recorded while it was open at its end. */
    private record Window(ServiceProcess service, LoadGenerator generator, long start, long events, double commands,
                          double[] cpu, double loadCpu, Sampler inFlight) {

        static Window open(ServiceProcess service, LoadGenerator generator) throws Exception {
            Sampler sampler = new Sampler(generator);
            sampler.start();
            generator.startMeasuring();
            return new Window(service, generator, System.nanoTime(), globalIndex(service),
                    service.metricValue(COMMANDS_METRIC), service.cpuSeconds(), processCpuSeconds(), sampler);
        }

        Map<String, Object> close() throws Exception {
            generator.stopMeasuring();
            double seconds = (System.nanoTime() - start) / 1e9;
            long eventsNow = globalIndex(service);
            double commandsNow = service.metricValue(COMMANDS_METRIC);
            double[] cpuNow = service.cpuSeconds();
            double loadCpuNow = processCpuSeconds();
            inFlight.interrupt();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("seconds", round(seconds, 1));
            long completed = generator.completed.sum();
            r.put("workflows_completed", completed);
            r.put("workflows_failed", generator.failed.sum());
            r.put("workflows_not_started", generator.notStarted.sum());
            Map<String, Long> failures = new TreeMap<>();
            generator.failures.forEach((reason, count) -> failures.put(reason, count.sum()));
            r.put("failures", failures);
            Map<String, Long> byKind = new TreeMap<>();
            generator.completedByKind.forEach((kind, count) -> byKind.put(kind.name(), count.sum()));
            r.put("completed_by_kind", byKind);
            r.put("workflows_per_s", round(completed / seconds, 1));
            r.put("events_per_s", round((eventsNow - events) / seconds, 1));
            r.put("rest_commands_per_s", round(generator.commands.sum() / seconds, 1));
            r.put("axon_commands_per_s", round((commandsNow - commands) / seconds, 1));
            r.put("command_latency", generator.commandLatency.summaryMillis());
            Map<String, Object> byCommand = new TreeMap<>();
            generator.commandLatencyByKind.forEach((name, samples) -> byCommand.put(name, samples.summaryMillis()));
            r.put("command_latency_by_command", byCommand);
            r.put("projection_lag", generator.projectionLag.summaryMillis());
            Map<String, Object> lagByCommand = new TreeMap<>();
            generator.projectionLagByCommand.forEach((name, samples) -> lagByCommand.put(name, samples.summaryMillis()));
            r.put("projection_lag_by_command", lagByCommand);
            r.put("workflow_duration", generator.workflowDuration.summaryMillis());
            r.put("in_flight_max", inFlight.max);
            r.put("in_flight_mean", round(inFlight.mean(), 1));
            Map<String, Object> cpuUse = new LinkedHashMap<>();
            double jvm = cpuNow[0] - cpu[0];
            double postgres = cpuNow[1] - cpu[1];
            cpuUse.put("service_jvm_cores", round(jvm / seconds, 2));
            cpuUse.put("postgres_cores", round(postgres / seconds, 2));
            cpuUse.put("load_generator_cores", round((loadCpuNow - loadCpu) / seconds, 2));
            cpuUse.put("machine_cores", Runtime.getRuntime().availableProcessors());
            cpuUse.put("service_cpu_ms_per_workflow", completed == 0 ? 0 : round((jvm + postgres) * 1000 / completed, 1));
            r.put("cpu", cpuUse);
            return r;
        }
    }

    /** How many workflows are in flight, sampled every 100 ms. */
    private static final class Sampler extends Thread {
        private final LoadGenerator generator;
        volatile int max;
        private long sum;
        private long samples;

        Sampler(LoadGenerator generator) {
            super("in-flight-sampler");
            setDaemon(true);
            this.generator = generator;
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                int now = generator.inFlight.get();
                max = Math.max(max, now);
                synchronized (this) {
                    sum += now;
                    samples++;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized double mean() {
            return samples == 0 ? 0 : sum / (double) samples;
        }
    }

    private static Map<String, Object> serviceFigures(ServiceProcess service) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("peak_heap_mb", round(service.peakHeapBytes() / 1048576.0, 1));
        s.put("peak_jvm_rss_mb", round(service.peakJvmRssBytes() / 1048576.0, 1));
        s.put("peak_postgres_rss_mb", round(service.peakPostgresRssBytes() / 1048576.0, 1));
        s.put("log", service.log().toString());
        return s;
    }

    private static long globalIndex(ServiceProcess service) throws Exception {
        try (Connection connection = DriverManager.getConnection(service.jdbcUrl(), "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> summary(Map<String, Object> phases, ScaleResult scale) {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> ours = (Map<String, Object>) phases.get("ours_closed_loop");
        Map<String, Object> open = (Map<String, Object>) phases.get("ours_offered_rate");
        Map<String, Object> ceiling = (Map<String, Object>) phases.get("commit_ceiling");
        Map<String, Object> axon = (Map<String, Object>) phases.get("default_axon_closed_loop");
        Map<String, Object> slow = (Map<String, Object>) phases.get("slow_systems_closed_loop");
        if (scale != null) {
            for (ScaleResult.Replay replay : scale.replays()) {
                s.put("replay_" + replay.processor().replace('-', '_') + "_events_per_s", round(replay.eventsPerSecond(), 0));
            }
            s.put("scale_returns", scale.returnsStored());
            s.put("scale_events", scale.eventsStored());
            s.put("status_by_id_p99_ms", scale.statusById() == null ? null : round(scale.statusById().p99Millis(), 2));
            s.put("search_by_customer_p99_ms",
                    scale.searchByCustomer() == null ? null : round(scale.searchByCustomer().p99Millis(), 2));
        }
        double workflows = num(ours, "workflows_per_s");
        double events = num(ours, "events_per_s");
        s.put("workflows_per_s", workflows);
        s.put("events_per_s", events);
        s.put("axon_commands_per_s", num(ours, "axon_commands_per_s"));
        s.put("rest_commands_per_s", num(ours, "rest_commands_per_s"));
        s.put("commit_ceiling_per_s", num(ceiling, "commits_per_s"));
        // events are what the service commits (one row each, in far fewer transactions): the fair comparison to
        // single-row inserts per second
        s.put("ratio_to_commit_ceiling", ratio(events, num(ceiling, "commits_per_s")));
        if (axon != null) {
            s.put("default_axon_workflows_per_s", num(axon, "workflows_per_s"));
            s.put("ratio_to_default_axon", ratio(workflows, num(axon, "workflows_per_s")));
        }
        Map<String, Object> latency = (Map<String, Object>) open.get("command_latency");
        Map<String, Object> lag = (Map<String, Object>) open.get("projection_lag");
        s.put("offered_rate_per_s", options.offeredRate());
        s.put("offered_achieved_workflows_per_s", num(open, "workflows_per_s"));
        s.put("offered_command_p50_ms", latency.get("p50_ms"));
        s.put("offered_command_p99_ms", latency.get("p99_ms"));
        s.put("offered_command_p99_9_ms", latency.get("p99_9_ms"));
        s.put("offered_lag_p50_ms", lag.get("p50_ms"));
        s.put("offered_lag_p99_ms", lag.get("p99_ms"));
        Map<String, Object> sustainable = (Map<String, Object>) phases.get("ours_offered_sustainable");
        if (sustainable != null) {
            s.put("sustainable_offered_per_s", num(sustainable, "offered_workflows_per_s"));
            s.put("sustainable_command_p99_ms", ((Map<String, Object>) sustainable.get("command_latency")).get("p99_ms"));
            s.put("sustainable_lag_p99_ms", ((Map<String, Object>) sustainable.get("projection_lag")).get("p99_ms"));
        }
        Map<String, Object> oursLatency = (Map<String, Object>) ours.get("command_latency");
        s.put("max_throughput_command_p99_ms", oursLatency.get("p99_ms"));
        if (slow != null) {
            s.put("slow_workflows_per_s", num(slow, "workflows_per_s"));
            s.put("slow_ratio_to_zero_latency", ratio(num(slow, "workflows_per_s"), workflows));
            s.put("slow_in_flight_max", slow.get("in_flight_max"));
            s.put("slow_in_flight_mean", slow.get("in_flight_mean"));
        }
        double peakHeap = 0;
        for (Object phase : phases.values()) {
            Object service = ((Map<String, Object>) phase).get("service");
            if (service != null) {
                peakHeap = Math.max(peakHeap, num((Map<String, Object>) service, "peak_heap_mb"));
            }
        }
        if (scale != null) {
            peakHeap = Math.max(peakHeap, round(scale.servicePeakHeapBytes() / 1048576.0, 1));
        }
        s.put("peak_heap_mb", peakHeap);
        s.put("service_heap_cap", options.serviceHeap());
        Map<String, Object> cpu = (Map<String, Object>) ours.get("cpu");
        s.put("service_jvm_cores", cpu.get("service_jvm_cores"));
        s.put("postgres_cores", cpu.get("postgres_cores"));
        s.put("load_generator_cores", cpu.get("load_generator_cores"));
        long failed = 0;
        for (Object phase : phases.values()) {
            Object f = ((Map<String, Object>) phase).get("workflows_failed");
            if (f instanceof Number n) {
                failed += n.longValue();
            }
        }
        s.put("workflows_failed_in_windows", failed);
        return s;
    }

    private static String summaryLine(Map<String, Object> s) {
        StringBuilder line = new StringBuilder();
        append(line, "workflows/s", s.get("workflows_per_s"));
        append(line, "ratio_to_default_axon", s.getOrDefault("ratio_to_default_axon", "n/a"));
        append(line, "ratio_to_commit_ceiling", s.get("ratio_to_commit_ceiling"));
        if (s.containsKey("scale_events")) {
            append(line, "replay_status_events/s", s.get("replay_return_status_events_per_s"));
            append(line, "replay_ledger_events/s", s.get("replay_finance_ledger_events_per_s"));
            append(line, "status_p99_ms@" + s.get("scale_returns"), s.get("status_by_id_p99_ms"));
        }
        append(line, "events/s", s.get("events_per_s"));
        append(line, "commands/s", s.get("axon_commands_per_s"));
        append(line, "cmd_p99_ms@" + fmt(s.get("offered_rate_per_s")), s.get("offered_command_p99_ms"));
        append(line, "lag_p99_ms@" + fmt(s.get("offered_rate_per_s")), s.get("offered_lag_p99_ms"));
        if (s.containsKey("sustainable_offered_per_s")) {
            append(line, "cmd_p99_ms@" + fmt(s.get("sustainable_offered_per_s")), s.get("sustainable_command_p99_ms"));
            append(line, "lag_p99_ms@" + fmt(s.get("sustainable_offered_per_s")), s.get("sustainable_lag_p99_ms"));
        }
        append(line, "slow_ratio", s.getOrDefault("slow_ratio_to_zero_latency", "n/a"));
        append(line, "slow_in_flight_max", s.getOrDefault("slow_in_flight_max", "n/a"));
        append(line, "peak_heap_mb", s.get("peak_heap_mb"));
        append(line, "failed", s.get("workflows_failed_in_windows"));
        return line.toString();
    }

    private static void append(StringBuilder line, String name, Object value) {
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(name).append('=').append(fmt(value));
    }

    private static String fmt(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e12 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private void printTable(Map<String, Object> phases, Map<String, Object> summary) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-26s %9s %9s %9s %8s %8s %8s %8s %8s %7s %7s %9s%n", "phase", "wf/s",
                "events/s", "cmds/s", "cmd p50", "cmd p99", "p99.9", "lag p50", "lag p99", "jvm", "pg", "inflight");
        for (Map.Entry<String, Object> entry : phases.entrySet()) {
            Map<String, Object> p = (Map<String, Object>) entry.getValue();
            if (entry.getKey().equals("commit_ceiling")) {
                System.out.printf(Locale.ROOT, "%-26s %9s %9s %9s %8s %8s %8s%n", entry.getKey(), "",
                        fmt(p.get("commits_per_s")) + "*", "", ((Map<String, Object>) p.get("commit_latency")).get("p50_ms"),
                        ((Map<String, Object>) p.get("commit_latency")).get("p99_ms"),
                        ((Map<String, Object>) p.get("commit_latency")).get("p99_9_ms"));
                continue;
            }
            Map<String, Object> lat = (Map<String, Object>) p.get("command_latency");
            Map<String, Object> lag = (Map<String, Object>) p.get("projection_lag");
            Map<String, Object> cpu = (Map<String, Object>) p.get("cpu");
            System.out.printf(Locale.ROOT, "%-26s %9s %9s %9s %8s %8s %8s %8s %8s %7s %7s %9s%n", entry.getKey(),
                    fmt(p.get("workflows_per_s")), fmt(p.get("events_per_s")), fmt(p.get("axon_commands_per_s")),
                    lat.get("p50_ms"), lat.get("p99_ms"), lat.get("p99_9_ms"), lag.get("p50_ms"), lag.get("p99_ms"),
                    cpu.get("service_jvm_cores"), cpu.get("postgres_cores"),
                    p.get("in_flight_max"));
        }
        System.out.println("(* commit ceiling: single-row commits/s; latencies in ms; jvm/pg: CPU cores used by the "
                + "service JVM and its PostgreSQL)");
        System.out.println("peak heap " + fmt(summary.get("peak_heap_mb")) + " MB of " + options.serviceHeap()
                + "; results in " + options.resultsDir().resolve("latest.json"));
    }

    private void write(Map<String, Object> report) throws Exception {
        Files.createDirectories(options.resultsDir());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] bytes = json.writeValueAsBytes(report);
        Files.write(options.resultsDir().resolve(stamp + ".json"), bytes);
        Files.write(options.resultsDir().resolve("latest.json"), bytes);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    m.put("memory_mb", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                    break;
                }
            }
            m.put("load_average_at_start", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (Exception ignored) {
            // not Linux
        }
        return m;
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static String oneLine(Map<String, Object> r) {
        return "workflows/s=" + r.get("workflows_per_s") + " events/s=" + r.get("events_per_s") + " commands/s="
                + r.get("axon_commands_per_s") + " cmd=" + r.get("command_latency") + " lag=" + r.get("projection_lag")
                + " failed=" + r.get("workflows_failed") + " " + r.get("failures") + " cpu=" + r.get("cpu");
    }

    private static double num(Map<String, Object> map, String key) {
        if (map == null || !(map.get(key) instanceof Number n)) {
            return 0;
        }
        return n.doubleValue();
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : round(a / b, a / b < 0.1 ? 4 : 2);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static void say(String line) {
        System.out.println("[" + Instant.now().toString().substring(11, 19) + "] " + line);
    }
}
