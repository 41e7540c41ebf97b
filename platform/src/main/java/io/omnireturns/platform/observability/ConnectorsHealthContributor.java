package io.omnireturns.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One health component per HTTP connector, read from its circuit-state gauges: DOWN while the circuit is open (the
 * system failed often enough that calls are no longer attempted), UP otherwise. Sandboxes have no circuit; while
 * every connector is a sandbox the component has one member, {@code sandbox}, which is always UP.
 */
public class ConnectorsHealthContributor implements CompositeHealthContributor {

    static final String SANDBOX = "sandbox";

    private final MeterRegistry registry;

    public ConnectorsHealthContributor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return indicators().get(name);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return indicators().entrySet().stream()
                .map(entry -> NamedContributor.of(entry.getKey(), entry.getValue()))
                .iterator();
    }

    private Map<String, HealthContributor> indicators() {
        Map<String, String> stateByConnector = new TreeMap<>();
        for (Gauge gauge : registry.find(ConnectorMeters.CIRCUIT_STATE).gauges()) {
            if (gauge.value() == 1.0) {
                stateByConnector.put(gauge.getId().getTag("connector"), gauge.getId().getTag("state"));
            }
        }
        Map<String, HealthContributor> indicators = new TreeMap<>();
        stateByConnector.forEach((connector, state) -> indicators.put(connector, circuit(state)));
        if (indicators.isEmpty()) {
            indicators.put(SANDBOX, (HealthIndicator) () -> Health.up()
                    .withDetail("detail", "no HTTP connector configured; sandboxes have no circuit").build());
        }
        return indicators;
    }

    private static HealthIndicator circuit(String state) {
        return () -> {
            Health.Builder health = "open".equals(state) || "forced_open".equals(state) ? Health.down() : Health.up();
            return health.withDetail("circuit", state).build();
        };
    }
}
