package io.omnireturns.app;

import io.omnireturns.command.connectors.orders.DemoOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.omnireturns.app.ProcessDriver.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command after {@code kill -9} (an OOM kill, a power-cycled container): the service dies in the
 * middle of its returns' workflows, its embedded PostgreSQL runs on without it, and the next start on the same data
 * directory must stop that orphan by itself and finish every return. (A second process on a directory a live one
 * holds is refused: {@code OrphanedPostmasterOnPostgresTest} in the platform, without the cost of a third service.)
 * <p>
 * The service runs as a child JVM, so it can be killed like the real thing: {@code java -cp <the test class path>
 * io.omnireturns.app.OmniReturnsApplication}, not the jar, because the tests run in Maven's {@code test} phase,
 * before {@code package} builds the jar; the classes and libraries are the jar's.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS) // a guard against a hang: some 40 s alone, longer on a busy machine
class KilledServiceRestartTest {

    private static final String ORDER_PREFIX = "KILL-";
    private static final List<String> SETTINGS = List.of(
            "--omnireturns.connectors.orders.sandbox.copy-prefix=" + ORDER_PREFIX,
            "--omnireturns.process.lease=3s",
            "--omnireturns.process.step-retry-backoff=100ms",
            "--db-scheduler.polling-interval=100ms",
            // remote calls in flight when the service dies
            "--omnireturns.connectors.payments.sandbox.latency=400ms",
            "--omnireturns.connectors.erp.sandbox.latency=400ms",
            "--omnireturns.connectors.loyalty.sandbox.latency=400ms",
            "--logging.structured.format.console=",
            "--logging.level.root=WARN",
            "--logging.level.io.omnireturns.platform.database=INFO",
            "--logging.level.io.zonky=INFO"); // PostgreSQL's own log, for a failure's report

    @TempDir
    Path work;

    private final List<ChildService> started = new ArrayList<>();

    @Test
    void a_service_killed_mid_flow_leaves_its_database_running_and_the_next_start_stops_it_and_completes_every_return() {
        Path dataDir = work.resolve("postgres");
        List<String> returnIds = new ArrayList<>();

        ChildService first = start("first", dataDir);
        ProcessDriver driver = first.driver();
        for (int i = 0; i < 8; i++) {
            // bought online, returned at the store counter: received and inspected on the spot
            String orderId = ORDER_PREFIX + "1001-" + i;
            String jacket = orderId + "-L1";
            String returnId = driver.requestStoreReturn(orderId, DemoOrders.DEMO_STORE,
                    List.of(line(jacket, 2, "SIZE_OR_FIT")));
            driver.receiveAndInspect(returnId, DemoOrders.DEMO_STORE, Map.of(jacket, 2));
            returnIds.add(returnId);
        }
        // the last return was inspected a moment ago: its refund, ERP and loyalty calls (400 ms each) still run
        driver.awaitView(returnIds.get(returnIds.size() - 1), view -> true);
        List<String> statusesAtTheKill = returnIds.stream()
                .map(returnId -> driver.currentStatus(returnId).orElse("not yet in the query side")).toList();
        first.kill();
        assertThat(statusesAtTheKill).as("the service dies with returns still in flight")
                .anyMatch(status -> !status.equals("COMPLETED"));

        long orphan = postmasterPid(dataDir).orElseThrow();
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                .as("the killed service's PostgreSQL runs on (the failure this test is about)").isPresent();

        ChildService second = start("second", dataDir);
        ProcessDriver afterRestart = second.driver();
        for (String returnId : returnIds) {
            afterRestart.awaitStatus(returnId, "COMPLETED");
        }
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan").isEmpty();
        assertThat(second.log()).contains("Stopped the orphaned PostgreSQL (pid " + orphan + ")");
    }

    @AfterEach
    void stopEverythingStarted() {
        for (ChildService service : started) {
            service.stop();
        }
        // a postmaster left behind by a kill (or by a failed start) must not outlive the test
        postmasterPid(work.resolve("postgres")).flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(postmaster -> {
                    postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
                    postmaster.destroyForcibly();
                });
    }

    private ChildService start(String name, Path dataDir) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", serviceClassPath(), OmniReturnsApplication.class.getName(),
                "--server.port=" + port, "--omnireturns.database.embedded.data-dir=" + dataDir));
        command.addAll(SETTINGS);
        Path log = work.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ChildService service = new ChildService(name, process, port, log);
            started.add(service);
            service.awaitHealthy();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class path without the test classes: the jar's classes and libraries. */
    private static String serviceClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The first line of the data directory's {@code postmaster.pid}, if there is one. */
    private static Optional<Long> postmasterPid(Path dataDir) {
        try (Stream<String> lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).map(Long::parseLong);
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record ChildService(String name, Process process, int port, Path logFile) {

        ProcessDriver driver() {
            return new ProcessDriver(new ApiClient(new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://localhost:" + port))));
        }

        void awaitHealthy() {
            ApiClient anonymous = new ApiClient(new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://localhost:" + port))).anonymous();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptionsMatching(
                    e -> !(e instanceof AssertionError)).until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("the " + name + " service exited at start-up:\n" + tail());
                        }
                        return anonymous.get("/actuator/health").getStatusCode().is2xxSuccessful();
                    });
        }

        /** SIGKILL to the JVM alone, as the OOM killer or {@code kill -9 <pid>} does: its PostgreSQL is not told. */
        void kill() {
            process.destroyForcibly();
            assertThat(awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
        }

        int awaitExit(Duration patience) {
            try {
                assertThat(process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)).as(name + " exited").isTrue();
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** SIGTERM first, so the service stops its own PostgreSQL; SIGKILL for whatever does not end. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What the data directory's start said, then the end of the log. */
        String tail() {
            List<String> lines = log().lines().toList();
            List<String> report = new ArrayList<>(lines.stream()
                    .filter(line -> line.contains("OrphanedPostmaster") || line.contains("FATAL")).toList());
            report.add("...");
            report.addAll(lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            return String.join("\n", report);
        }
    }
}
