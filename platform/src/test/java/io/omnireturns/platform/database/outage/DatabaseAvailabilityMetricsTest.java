package io.omnireturns.platform.database.outage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DatabaseAvailabilityMetricsTest {

    private static final DatabaseOutageProperties SETTINGS =
            new DatabaseOutageProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), true);

    private volatile boolean refusing;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final DatabaseAvailability availability = new DatabaseAvailability(() -> {
        if (refusing) {
            throw new SQLException("Connection refused", "08001");
        }
        Connection connection = mock(Connection.class);
        when(connection.isValid(anyInt())).thenAnswer(call -> {
            if (refusing) {
                throw new SQLException("Connection refused", "08001");
            }
            return true;
        });
        return connection;
    }, SETTINGS, Clock.systemUTC());

    @Test
    void the_gauge_reads_one_while_the_probe_finds_the_database_and_zero_while_it_is_refused() {
        new DatabaseAvailabilityMetrics(availability).bindTo(registry);

        availability.check();
        assertThat(gauge()).isEqualTo(1.0);

        refusing = true;
        availability.check();
        assertThat(gauge()).isEqualTo(0.0);

        refusing = false;
        availability.check();
        assertThat(gauge()).isEqualTo(1.0);
    }

    private double gauge() {
        return registry.get(DatabaseAvailabilityMetrics.AVAILABLE).gauge().value();
    }
}
