package io.omnireturns.platform.database.outage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outage probe's verdict as a gauge, {@code omnireturns.database.available}: 1 while PostgreSQL answers, 0 while
 * the probe finds it unreachable, NaN while the probe itself has not reported for too long (health says UNKNOWN
 * then). Read from the probe's last state, so a scrape never waits on the database.
 */
public class DatabaseAvailabilityMetrics implements MeterBinder {

    public static final String AVAILABLE = "omnireturns.database.available";

    private final DatabaseAvailability availability;

    public DatabaseAvailabilityMetrics(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(AVAILABLE, availability, DatabaseAvailabilityMetrics::value)
                .description("1 while the database answers the outage probe, 0 while it does not")
                .register(registry);
    }

    static double value(DatabaseAvailability availability) {
        if (availability.stale()) {
            return Double.NaN;
        }
        return availability.state().available() ? 1 : 0;
    }
}
