package io.omnireturns.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw commit ceiling of the service's own PostgreSQL: {@code connections} JDBC connections, each committing
 * one single-row insert per transaction (autocommit) as fast as it can, for {@code duration}. Nothing any
 * event-sourced service on this database can commit more often than this.
 */
final class CommitCeiling {

    private CommitCeiling() {
    }

    static Map<String, Object> measure(String jdbcUrl, int connections, Duration duration) throws Exception {
        try (Connection setup = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_commit_ceiling "
                    + "(id BIGSERIAL PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), payload BYTEA NOT NULL)");
        }
        AtomicLong commits = new AtomicLong();
        Samples latencies = new Samples();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        byte[] payload = new byte[512]; // about an event's size
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO bench_commit_ceiling (payload) VALUES (?)")) {
                    connection.setAutoCommit(true);
                    insert.setBytes(1, payload);
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        insert.executeUpdate();
                        latencies.add((System.nanoTime() - t0) / 1000);
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "commit-ceiling-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("commit ceiling failed", failures.get(0));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("connections", connections);
        result.put("seconds", Math.round(seconds * 10) / 10.0);
        result.put("commits", commits.get());
        result.put("commits_per_s", Math.round(commits.get() / seconds));
        result.put("commit_latency", latencies.summaryMillis());
        return result;
    }
}
