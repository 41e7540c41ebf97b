package io.omnireturns.bench;

import java.io.IOException;
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

/**
 * One all-in-one service as a child process on the phase's {@link Postgres}, so its CPU and memory are measured
 * apart from the load generator's and the database's: CPU from /proc, heap from its metrics endpoint, resident
 * memory from /proc.
 */
final class ServiceProcess implements AutoCloseable {

    final String name;
    private final Process process;
    private final int httpPort;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "resource-sampler");
        t.setDaemon(true);
        return t;
    });
    private final String metricsAuthorization;
    private volatile long peakHeapBytes;
    private volatile long peakJvmRssBytes;

    private ServiceProcess(String name, Process process, int httpPort, Path log, String metricsAuthorization) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
        this.metricsAuthorization = metricsAuthorization;
    }

    static ServiceProcess start(String name, BenchOptions options, Map<String, String> properties, String jdbcUrl,
                                Path logDir) throws IOException, InterruptedException {
        int httpPort = ServiceJvm.freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> jvmArgs = new ArrayList<>();
        if (options.jfr()) {
            jvmArgs.add("-XX:StartFlightRecording=filename=" + logDir.resolve(name + ".jfr") + ",settings=profile");
        }
        jvmArgs.addAll(options.serviceJvmArgs());
        List<String> command = ServiceJvm.command(options.serviceJar(), options.serviceHeap(), jvmArgs);
        Map<String, String> all = new HashMap<>();
        all.put("server.port", String.valueOf(httpPort));
        all.put("omnireturns.connectors.orders.sandbox.copy-prefix", LoadGenerator.ORDER_PREFIX);
        // the demo users the load generator signs in as (the default mode on an external database is jwt)
        all.put("omnireturns.security.mode", "demo");
        all.put("logging.structured.format.console", "");
        all.put("logging.level.root", "WARN");
        all.put("logging.level.io.omnireturns", "WARN");
        all.put("management.endpoints.web.exposure.include", "health,prometheus,metrics");
        all.putAll(properties);
        all.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the harness's PostgreSQL (the service starts an embedded one only while no URL is set)
        builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", "postgres");
        Process process = builder.start();
        ServiceProcess service = new ServiceProcess(name, process, httpPort, log, options.operations().header());
        // an interrupted run (Ctrl-C) must not leave the service behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        try {
            ServiceJvm.awaitHealthy(process, service.baseUrl(), Duration.ofSeconds(180), "the service (" + name + ")");
        } catch (IllegalStateException e) {
            ServiceJvm.stop(process, Duration.ofSeconds(10));
            throw new IllegalStateException(e.getMessage() + "; see " + log, e);
        }
        service.sampler.scheduleAtFixedRate(service::sampleMemory, 0, 1000, TimeUnit.MILLISECONDS);
        return service;
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    long pid() {
        return process.pid();
    }

    private void sampleMemory() {
        try {
            peakJvmRssBytes = Math.max(peakJvmRssBytes, ProcessCpu.rssBytes(process.pid()));
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

    long peakHeapBytes() {
        return peakHeapBytes;
    }

    long peakJvmRssBytes() {
        return peakJvmRssBytes;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        ServiceJvm.stop(process, Duration.ofSeconds(60));
    }
}
