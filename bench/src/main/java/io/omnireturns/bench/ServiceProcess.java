package io.omnireturns.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The all-in-one service as a child process on a fresh embedded PostgreSQL, so its CPU and memory are measured
 * apart from the load generator: CPU from /proc (the JVM and, separately, its descendants: the PostgreSQL
 * processes), heap from its Prometheus endpoint, resident memory from /proc.
 */
final class ServiceProcess implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    final int httpPort;
    final int postgresPort;
    final String name;
    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "resource-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile long peakHeapBytes;
    private final String metricsAuthorization;
    private volatile long peakJvmRssBytes;
    private volatile long peakPostgresRssBytes;

    private ServiceProcess(String name, Process process, int httpPort, int postgresPort, Path dataDir, Path log,
                           String metricsAuthorization) {
        this.metricsAuthorization = metricsAuthorization;
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.postgresPort = postgresPort;
        this.dataDir = dataDir;
        this.log = log;
    }

    static ServiceProcess start(String name, BenchOptions options, Map<String, String> properties, Path logDir)
            throws IOException, InterruptedException {
        int httpPort = freePort();
        int postgresPort = freePort();
        Path dataDir = Files.createTempDirectory("omnireturns-bench-pg");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + options.serviceHeap());
        command.add("-XX:+UseParallelGC");
        command.add("-Daxoniq.update-checker.disabled=true");
        if (options.jfr()) {
            command.add("-XX:StartFlightRecording=filename=" + logDir.resolve(name + ".jfr") + ",settings=profile");
        }
        command.addAll(options.serviceJvmArgs());
        command.add("-jar");
        command.add(options.serviceJar().toString());
        Map<String, String> all = new HashMap<>();
        all.put("server.port", String.valueOf(httpPort));
        all.put("omnireturns.database.embedded.data-dir", dataDir.toString());
        all.put("omnireturns.database.embedded.port", String.valueOf(postgresPort));
        all.put("omnireturns.connectors.orders.sandbox.copy-prefix", LoadGenerator.ORDER_PREFIX);
        all.put("logging.structured.format.console", "");
        all.put("logging.level.root", "WARN");
        all.put("logging.level.io.omnireturns", "WARN");
        all.put("management.endpoints.web.exposure.include", "health,prometheus,metrics");
        all.putAll(properties);
        all.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(name, process, httpPort, postgresPort, dataDir, log,
                options.operations().header());
        // an interrupted run (Ctrl-C) must not leave the service and its PostgreSQL behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }));
        service.awaitHealthy(Duration.ofSeconds(180));
        service.sampler.scheduleAtFixedRate(service::sampleMemory, 0, 1000, TimeUnit.MILLISECONDS);
        return service;
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/omnireturns";
    }

    private void awaitHealthy(Duration patience) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service (" + name + ") exited at start-up; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service (" + name + ") was not healthy after " + patience + "; see " + log);
    }

    /**
     * CPU seconds so far of the JVM (index 0) and of its PostgreSQL (index 1): pg_ctl daemonizes the postmaster, so
     * it is found by its data directory on its command line, with its backends below it.
     */
    double[] cpuSeconds() {
        long pid = process.pid();
        Map<Long, long[]> stats = readAllStats();
        long jvmTicks = stats.containsKey(pid) ? stats.get(pid)[1] : 0;
        long postgresTicks = 0;
        for (long postgres : postgresProcesses(stats)) {
            postgresTicks += stats.get(postgres)[1];
        }
        return new double[] {jvmTicks / (double) CLOCK_TICKS_PER_SECOND,
                postgresTicks / (double) CLOCK_TICKS_PER_SECOND};
    }

    private List<Long> postgresProcesses(Map<Long, long[]> stats) {
        List<Long> roots = new ArrayList<>();
        String marker = dataDir.toString();
        for (long candidate : stats.keySet()) {
            try {
                String commandLine = Files.readString(Path.of("/proc", String.valueOf(candidate), "cmdline"));
                if (commandLine.contains(marker) && commandLine.contains("postgres")) {
                    roots.add(candidate);
                }
            } catch (IOException | RuntimeException gone) {
                // ended
            }
        }
        List<Long> all = new ArrayList<>(roots);
        for (long root : roots) {
            for (long child : descendants(root, stats)) {
                if (!all.contains(child)) {
                    all.add(child);
                }
            }
        }
        return all;
    }

    /** pid → {ppid, utime+stime (+ cutime+cstime of reaped children)} of every process. */
    private static Map<Long, long[]> readAllStats() {
        Map<Long, long[]> stats = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // fields[0] is state (field 3); utime is field 14, stime 15, cutime 16, cstime 17
                    long ppid = Long.parseLong(fields[1]);
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                            + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    stats.put(Long.parseLong(p.getFileName().toString()), new long[] {ppid, ticks});
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            return stats;
        }
        return stats;
    }

    private static List<Long> descendants(long root, Map<Long, long[]> stats) {
        List<Long> found = new ArrayList<>();
        List<Long> frontier = new ArrayList<>(List.of(root));
        while (!frontier.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (Map.Entry<Long, long[]> entry : stats.entrySet()) {
                if (frontier.contains(entry.getValue()[0])) {
                    next.add(entry.getKey());
                }
            }
            found.addAll(next);
            frontier = next;
        }
        return found;
    }

    private void sampleMemory() {
        try {
            long pid = process.pid();
            peakJvmRssBytes = Math.max(peakJvmRssBytes, rssBytes(pid));
            long postgres = 0;
            for (long child : postgresProcesses(readAllStats())) {
                postgres += rssBytes(child);
            }
            peakPostgresRssBytes = Math.max(peakPostgresRssBytes, postgres);
            // one meter, not the whole Prometheus page: a full scrape every second costs the service real CPU
            long heap = (long) metricValue("jvm.memory.used?tag=area:heap");
            peakHeapBytes = Math.max(peakHeapBytes, heap);
        } catch (Exception ignored) {
            // a missed sample is no reason to stop the run
        }
    }

    /** A meter's value through the actuator's metrics endpoint (summed over its tags), e.g. commands handled. */
    double metricValue(String meterAndTags) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                            + "/actuator/metrics/" + meterAndTags)).header("Authorization", metricsAuthorization)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Double.NaN;
            }
            // {"name":...,"measurements":[{"statistic":"VALUE","value":1.23E8}],...}; COUNT for timers
            String body = answer.body();
            int at = body.indexOf("\"value\":");
            if (at < 0) {
                return Double.NaN;
            }
            int end = at + 8;
            while (end < body.length() && "0123456789.eE+-".indexOf(body.charAt(end)) >= 0) {
                end++;
            }
            return Double.parseDouble(body.substring(at + 8, end));
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // ended
        }
        return 0;
    }

    long peakHeapBytes() {
        return peakHeapBytes;
    }

    long peakJvmRssBytes() {
        return peakJvmRssBytes;
    }

    long peakPostgresRssBytes() {
        return peakPostgresRssBytes;
    }

    Path log() {
        return log;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        process.destroy(); // SIGTERM: Spring shuts down and stops its PostgreSQL
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        deleteQuietly(dataDir);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind
        }
    }
}
