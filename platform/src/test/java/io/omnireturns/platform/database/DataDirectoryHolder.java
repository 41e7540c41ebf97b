package io.omnireturns.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The service's part in a data directory, in a process of its own so that a test can kill it as {@code kill -9}
 * does: takes the directory's lock, starts PostgreSQL there as the service does (the driver's hook off), prints
 * {@code ready <port>} and waits to be killed. Its PostgreSQL is then an orphan, like the killed service's.
 */
final class DataDirectoryHolder {

    private static final String READY = "ready ";

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args[0]);
        // held until the process is killed (a lock nobody references would be closed by the garbage collector)
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", "on") // the driver's default is off; the service's is on
                    .start();
            System.out.println(READY + postgres.getPort());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    /** A running holder: the JVM and the port of the PostgreSQL it started. */
    record Running(Process process, int port) {

        /** SIGKILL to the JVM alone: its PostgreSQL is not told. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts a holder on the directory (its output in {@code log}) and waits until its PostgreSQL is ready. */
    static Running start(Path dataDirectory, Path log) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classPath, DataDirectoryHolder.class.getName(),
                dataDirectory.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int port = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> readyPort(process, log), Optional::isPresent).orElseThrow();
            return new Running(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Integer> readyPort(Process process, Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        if (!process.isAlive()) {
            throw new AssertionError("the holder exited: " + String.join("\n", lines));
        }
        return lines.stream().filter(line -> line.startsWith(READY))
                .map(line -> Integer.parseInt(line.substring(READY.length()).strip())).findFirst();
    }
}
