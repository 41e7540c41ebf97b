package io.omnireturns.query.exceptions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.platform.database.outage.DatabaseAvailability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The open exception queue as a gauge, {@code omnireturns.exception.queue.open{system}}: exceptions waiting for
 * operations, per failing system. Read from the shared table (so every instance reports the same figures) at most
 * once per {@link #REFRESH}, however often it is scraped; NaN while the outage probe finds the database unreachable.
 */
@Component
public class ExceptionQueueMetrics {

    public static final String OPEN = "omnireturns.exception.queue.open";
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<DatabaseAvailability> database;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public ExceptionQueueMetrics(JdbcTemplate jdbc, ObjectProvider<DatabaseAvailability> database, Clock clock,
                                 MeterRegistry registry) {
        this.jdbc = jdbc;
        this.database = database;
        this.clock = clock;
        for (ExternalSystem system : ExternalSystem.values()) {
            Gauge.builder(OPEN, this, metrics -> metrics.open(system))
                    .description("exceptions open in the exception queue, by the system that failed")
                    .tag("system", system.name())
                    .register(registry);
        }
    }

    double open(ExternalSystem system) {
        DatabaseAvailability availability = database.getIfAvailable();
        if (availability != null && !availability.available()) {
            return Double.NaN;
        }
        return current().open().getOrDefault(system, 0L);
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        Snapshot last = snapshot;
        if (last == null || !last.takenAt().plus(REFRESH).isAfter(now)) {
            Map<ExternalSystem, Long> open = new EnumMap<>(ExternalSystem.class);
            jdbc.query("SELECT system, count(*) FROM exception_queue WHERE state = 'OPEN' GROUP BY system",
                    row -> {
                        open.put(ExternalSystem.valueOf(row.getString(1)), row.getLong(2));
                    });
            last = new Snapshot(now, open);
            snapshot = last;
        }
        return last;
    }

    private record Snapshot(Instant takenAt, Map<ExternalSystem, Long> open) {
    }
}
