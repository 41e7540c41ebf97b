package io.omnireturns.platform.database.outage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code db} health component, read from the last probe: it answers at once, outage or not (Boot's own
 * indicator would wait for a pooled connection, and on a database that does not answer, for ever). UNKNOWN while the
 * probe has not reported for a while ({@link DatabaseAvailability#stale()}): nothing is known, and UNKNOWN leaves the
 * readiness group UP, as the request gate lets calls through meanwhile.
 */
public class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseAvailability availability;

    public DatabaseHealthIndicator(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Health health() {
        DatabaseAvailability.State state = availability.state();
        Health.Builder health;
        if (availability.stale()) {
            health = Health.unknown().withDetail("stale", "the probe has not reported for more than "
                    + availability.staleAfter().toMillis() + " ms");
        } else {
            health = state.available() ? Health.up() : Health.down();
        }
        health.withDetail("database", "PostgreSQL").withDetail("since", state.since().toString());
        if (state.checkedAt() != null) {
            health.withDetail("checkedAt", state.checkedAt().toString());
        }
        if (state.reason() != null) {
            health.withDetail("error", state.reason());
        }
        return health.build();
    }
}
