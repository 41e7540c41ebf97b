package io.omnireturns.chaos.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.chaos.sandbox.SandboxSystemsMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The shared sandbox-systems process (a child JVM) and a client for its books, call log and faults. */
public final class SandboxProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SandboxProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SandboxProcess start(int port, long seed, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        List<String> command = ChildJvm.harnessCommand("io.omnireturns.chaos.ChaosMain",
                List.of("-Xmx256m", "-XX:+UseSerialGC"),
                List.of("sandbox-systems", String.valueOf(port), String.valueOf(seed)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
                String line;
                while ((line = out.readLine()) != null) {
                    file.println(line);
                    file.flush();
                    if (line.startsWith(SandboxSystemsMain.READY_LINE)) {
                        listening.complete(Integer.parseInt(line.substring(SandboxSystemsMain.READY_LINE.length())
                                .trim()));
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // the process ended
            }
            listening.completeExceptionally(new IllegalStateException("the sandbox-systems process ended; see "
                    + log));
        }, "sandbox-systems-log");
        pump.setDaemon(true);
        pump.start();
        try {
            return new SandboxProcess(process, listening.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the sandbox-systems process did not start; see " + log, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Sets one connector's latency and failure rate (the other settings stay). */
    public void fault(String connector, long latencyMillis, double failureRate) throws IOException,
            InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_faults?connector="
                        + connector + "&latencyMs=" + latencyMillis + "&failureRate=" + failureRate))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("faults refused: " + answer.body());
        }
    }

    /** {@code refunds}, {@code creditMemos}, {@code stockMovements}, {@code replacementOrders}. */
    public JsonNode books() throws IOException, InterruptedException {
        return get("/_books");
    }

    /** Every call: {@code atMillis}, {@code caller}, {@code connector}, {@code operation}, {@code key}, … */
    public JsonNode calls() throws IOException, InterruptedException {
        return get("/_calls");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return JSON.readTree(answer.body());
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
