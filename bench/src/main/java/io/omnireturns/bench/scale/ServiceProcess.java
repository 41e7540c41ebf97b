package io.omnireturns.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.bench.ServiceJvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The all-in-one service as a process of its own, on the benchmark's embedded PostgreSQL data directory, and an
 * HTTP client for it that always sends HTTP Basic credentials. Started, awaited and stopped as the workflow phases'
 * services are ({@link ServiceJvm}).
 */
final class ServiceProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String password;

    private ServiceProcess(Process process, int port, String password) {
        this.process = process;
        this.port = port;
        this.password = password;
    }

    static ServiceProcess start(ScaleSettings settings, Path dataDir, int postgresPort, Path log) {
        int port = settings.httpPort() == 0 ? freePort() : settings.httpPort();
        List<String> command = ServiceJvm.command(settings.serviceJar(), settings.heap(), settings.serviceJvmArgs());
        command.add("--server.port=" + port);
        command.add("--omnireturns.database.embedded.data-dir=" + dataDir.toAbsolutePath());
        command.add("--omnireturns.database.embedded.port=" + postgresPort);
        command.add("--logging.structured.format.console=");
        command.addAll(settings.serviceArgs());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Progress.say("starting the service on port " + port + " (log " + log + "): " + String.join(" ", command));
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), port, settings.password());
            service.awaitHealthy(Duration.ofMinutes(5));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + settings.serviceJar(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    private void awaitHealthy(Duration timeout) {
        try {
            ServiceJvm.awaitHealthy(process, "http://localhost:" + port, timeout, "the service");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder get(String path, String user) {
        return request(path, user).GET();
    }

    HttpRequest.Builder post(String path, String user, String json) {
        return request(path, user).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer as JSON; anything but a 2xx is an error. */
    JsonNode json(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            ServiceJvm.stop(process, Duration.ofSeconds(90));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    static int freePort() {
        return ServiceJvm.freePort();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void append(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
