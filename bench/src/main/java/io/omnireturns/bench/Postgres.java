package io.omnireturns.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL of one phase, started by the harness rather than by the service: two service processes can share
 * it (the two-node phase), and its counters and CPU are the database's whatever number of nodes use it. Configured
 * as the service configures its own embedded PostgreSQL (EmbeddedPostgresConfiguration), so the one-node figures
 * stay comparable with earlier runs; fresh in a temporary folder, removed on {@link #close()}.
 */
final class Postgres implements AutoCloseable {

    static final String DATABASE = "omnireturns";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private Postgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static Postgres start() throws IOException, SQLException {
        Path dataDir = Files.createTempDirectory("omnireturns-bench-pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("idle_in_transaction_session_timeout", "10s")
                .setServerConfig("max_connections", "300") // two nodes' pools and the commit ceiling's connections
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort()
                + "/postgres", "postgres", "postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            postgres.close();
            throw e;
        }
        return new Postgres(postgres, dataDir);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /**
     * What the database has done so far, in one statement (so one snapshot): transactions committed and rolled back
     * and rows inserted, updated or deleted over every database (pg_stat_database, as {@code probe-cost} reads it),
     * the next transaction id (only a transaction or savepoint that writes takes one, committed or not: its
     * difference counts writing transactions, without the read-only ones and without the statistics' flush delay),
     * and the event store's highest global index.
     */
    Counters counters() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT (SELECT sum(xact_commit) FROM pg_stat_database),
                            (SELECT sum(xact_rollback) FROM pg_stat_database),
                            (SELECT sum(tup_inserted + tup_updated + tup_deleted) FROM pg_stat_database),
                            pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
                            (SELECT coalesce(max(globalindex), 0) FROM domainevententry)""")) {
            rs.next();
            return new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }

    /**
     * Counters at one moment. {@code commits} counts read-only transactions too (the status views the load generator
     * polls); {@code nextTransactionId} moves only for transactions (and savepoints) that write.
     */
    record Counters(long commits, long rollbacks, long rowsWritten, long nextTransactionId, long globalIndex) {

        /**
         * What happened between {@code before} and this. The statement that read {@code before} committed after its
         * snapshot, so one commit of the difference is the harness's own.
         */
        Counters since(Counters before) {
            return new Counters(Math.max(0, commits - before.commits - 1), rollbacks - before.rollbacks,
                    rowsWritten - before.rowsWritten, nextTransactionId - before.nextTransactionId,
                    globalIndex - before.globalIndex);
        }
    }

    /** CPU seconds so far of the postmaster and every backend and helper below it. */
    double cpuSeconds(ProcessCpu now) {
        return now.postgresSeconds(dataDir);
    }

    long rssBytes(ProcessCpu now) {
        return now.postgresRssBytes(dataDir);
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            if (Files.exists(dataDir)) {
                try (Stream<Path> paths = Files.walk(dataDir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
