package io.omnireturns.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starting the packaged service jar as a child JVM, waiting until it is healthy and stopping it: what the workflow
 * phases' {@link ServiceProcess} and the scale phase's {@code scale.ServiceProcess} have in common (the one on the
 * harness's PostgreSQL, the other on the scale phase's generated store).
 */
public final class ServiceJvm {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceJvm() {
    }

    /**
     * {@code java -Xmx<heap> -XX:+UseParallelGC <jvmArgs> -jar <jar>}: the same collector in every phase, Axon's
     * update checker off; the caller appends the service's {@code --property=value} arguments.
     */
    public static List<String> command(Path jar, String heap, List<String> jvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseParallelGC");
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    /** Waits until {@code /actuator/health} answers UP; fails at once if the process exits. */
    public static void awaitHealthy(Process process, String baseUrl, Duration patience, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited at start-up (exit value " + process.exitValue() + ")");
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(what + " was not healthy after " + patience);
    }

    /** SIGTERM (Spring shuts down, processors write their last tokens), then SIGKILL after {@code grace}. */
    public static void stop(Process process, Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
