package io.omnireturns.chaos.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service node: {@code app/target/omnireturns.jar} as a child JVM on the external PostgreSQL, every connector
 * in {@code http} mode against the shared sandbox-systems process. The node's name is its connectors' api key, so
 * the sandbox systems know which node made each call. Its output goes to {@code <name>.log} (appended over
 * restarts).
 */
public final class ServiceNode implements AutoCloseable {

    public static final List<String> CONNECTORS = List.of("orders", "fraud", "carrier", "warehouse", "payments",
            "erp", "crm", "loyalty");

    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final String jdbcUrl;
    private final String sandboxBaseUrl;
    private final Map<String, String> extraProperties;
    private final String heap;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;

    public ServiceNode(String name, int port, Path jar, Path log, String jdbcUrl, String sandboxBaseUrl,
                       Map<String, String> extraProperties, String heap) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.jdbcUrl = jdbcUrl;
        this.sandboxBaseUrl = sandboxBaseUrl;
        this.extraProperties = Map.copyOf(extraProperties);
        this.heap = heap;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Starts the JVM (not waiting for it to be ready). */
    public synchronized void launch() throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.java());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(port));
        properties.put("omnireturns.security.mode", "demo");
        properties.put("logging.structured.format.console", "");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.io.omnireturns", "INFO");
        properties.put("management.endpoints.web.exposure.include", "health,prometheus,metrics");
        properties.put("spring.datasource.hikari.maximum-pool-size", "12");
        for (String connector : CONNECTORS) {
            String prefix = "omnireturns.connectors." + connector + ".";
            properties.put(prefix + "mode", "http");
            properties.put(prefix + "base-url", sandboxBaseUrl + "/" + connector);
            properties.put(prefix + "api-key", name);
        }
        properties.putAll(extraProperties);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", "postgres");
        Process started = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        process = started;
    }

    /** Waits until {@code /actuator/health} answers UP. */
    public void awaitReady(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException("node " + name + " exited at start-up; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + name + " was not ready after " + patience + "; see " + log);
    }

    /** kill -9: no shutdown hook, no last token written, calls in flight cut off. */
    public void kill() throws InterruptedException {
        Process current = process;
        if (current != null) {
            current.destroyForcibly(); // SIGKILL on Linux
            current.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    @Override
    public void close() throws InterruptedException {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroy();
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                current.destroyForcibly();
                current.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
