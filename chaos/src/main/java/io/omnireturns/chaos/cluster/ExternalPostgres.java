package io.omnireturns.chaos.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL binaries run as the nodes' external database: one data directory under the work
 * directory, one port, started by the harness. {@link #stop()} and {@link #start()} make an outage: the same port
 * and the same data directory come back, with every row.
 */
public final class ExternalPostgres implements AutoCloseable {

    public static final String DATABASE = "omnireturns";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private ExternalPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A fresh cluster in {@code dataDir} (emptied first; a postmaster left running there by a killed run is stopped). */
    public static ExternalPostgres fresh(Path dataDir, int port) throws IOException {
        stopOrphan(dataDir);
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        ExternalPostgres postgres = new ExternalPostgres(dataDir, port);
        postgres.start();
        postgres.createDatabase();
        return postgres;
    }

    public synchronized void start() throws IOException {
        if (postgres != null) {
            return;
        }
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                .setServerConfig("idle_in_transaction_session_timeout", "10s")
                .setServerConfig("shared_buffers", "128MB")
                .setRegisterShutdownHook(true)
                .start();
    }

    /** Stops the server (fast shutdown: sessions are cut off); the data directory stays. */
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    private void createDatabase() {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", "postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database", e);
        }
    }

    /**
     * A postmaster left running by a killed harness: fast shutdown (SIGINT: sessions of orphaned nodes are cut off,
     * not waited for), at most 15 s, then SIGKILL.
     */
    private static void stopOrphan(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
            if (orphan.isPresent()) {
                new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
                try {
                    orphan.get().onExit().get(15, TimeUnit.SECONDS);
                } catch (TimeoutException stillThere) {
                    orphan.get().destroyForcibly();
                    orphan.get().onExit().get(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException | RuntimeException | ExecutionException | TimeoutException unreadable) {
            // no orphan to stop
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
