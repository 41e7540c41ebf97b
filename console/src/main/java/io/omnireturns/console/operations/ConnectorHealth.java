package io.omnireturns.console.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorNames;
import io.omnireturns.command.connectors.common.ConnectorSettings;
import io.omnireturns.command.connectors.common.ConnectorsProperties;
import io.omnireturns.platform.observability.ConnectorMeters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The connectors and the service's health as operations see them, read in-process: each connector's mode and
 * address ({@code omnireturns.connectors.*}), its resilience4j circuit state as the connector publishes it
 * ({@link ConnectorMeters#CIRCUIT_STATE}, the gauges the {@code connectors} health component reads too) and the
 * actuator's health components with their details, as {@code /actuator/health} shows them to operations.
 */
@Component
class ConnectorHealth {

    private static final List<String> NAMES = List.of(ConnectorNames.ORDERS, ConnectorNames.FRAUD,
            ConnectorNames.CARRIER, ConnectorNames.WAREHOUSE, ConnectorNames.PAYMENTS, ConnectorNames.ERP,
            ConnectorNames.CRM, ConnectorNames.LOYALTY, ConnectorNames.TAX);
    private static final Set<String> OPEN = Set.of("open", "forced_open");

    private final ConnectorsProperties properties;
    private final MeterRegistry registry;
    private final ObjectProvider<HealthEndpoint> health;

    ConnectorHealth(ConnectorsProperties properties, MeterRegistry registry, ObjectProvider<HealthEndpoint> health) {
        this.properties = properties;
        this.registry = registry;
        this.health = health;
    }

    /**
     * One connector.
     *
     * @param circuit  resilience4j's state, lower-cased ({@code closed}, {@code open}, {@code half_open}, ...);
     *                 null when the connector has no circuit (an in-process sandbox)
     * @param down     whether its circuit is open: calls are not attempted until it half-opens
     * @param breaker  the circuit's settings, in words
     */
    record Connector(String name, String systems, String mode, String baseUrl, String circuit, boolean down,
                     String breaker) {
    }

    /** One actuator health component: its status and its details in words. */
    record HealthPart(String name, String status, String details) {
    }

    /** The service's health and its components, or nothing when the health endpoint is not in this service. */
    record Overall(String status, List<HealthPart> parts) {
    }

    List<Connector> connectors() {
        Map<String, String> circuits = circuitStates();
        Set<String> names = new LinkedHashSet<>(NAMES);
        names.addAll(circuits.keySet());
        List<Connector> connectors = new ArrayList<>();
        for (String name : names) {
            ConnectorSettings settings = properties.of(name);
            String circuit = circuits.get(name);
            ConnectorSettings.CircuitBreaker breaker = settings.circuitBreaker();
            connectors.add(new Connector(name, systems(name), settings.mode(), settings.baseUrl(), circuit,
                    circuit != null && OPEN.contains(circuit),
                    "opens at " + Math.round(breaker.failureRateThreshold()) + "% failures of the last "
                            + breaker.slidingWindowSize() + " calls (from " + breaker.minimumNumberOfCalls()
                            + "), half-opens after " + breaker.openStateWait().toSeconds() + " s"));
        }
        return connectors;
    }

    Overall overall() {
        HealthEndpoint endpoint = health.getIfAvailable();
        if (endpoint == null) {
            return new Overall("UNKNOWN", List.of());
        }
        HealthComponent all = endpoint.health();
        List<HealthPart> parts = new ArrayList<>();
        if (all instanceof CompositeHealth composite && composite.getComponents() != null) {
            new TreeMap<>(composite.getComponents()).forEach((name, part) ->
                    parts.add(new HealthPart(name, part.getStatus().getCode(), details(part))));
        }
        return new Overall(all.getStatus().getCode(), parts);
    }

    /** The state whose gauge reads 1, per connector (a connector without gauges has no circuit). */
    private Map<String, String> circuitStates() {
        Map<String, String> states = new TreeMap<>();
        for (Gauge gauge : registry.find(ConnectorMeters.CIRCUIT_STATE).gauges()) {
            if (gauge.value() == 1.0) {
                states.put(gauge.getId().getTag("connector"), gauge.getId().getTag("state"));
            }
        }
        return states;
    }

    private static String systems(String connector) {
        return Arrays.stream(ExternalSystem.values()).filter(system -> ConnectorNames.of(system).equals(connector))
                .map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String details(HealthComponent part) {
        if (part instanceof CompositeHealth composite && composite.getComponents() != null) {
            return new TreeMap<>(composite.getComponents()).entrySet().stream()
                    .map(member -> member.getKey() + " " + member.getValue().getStatus().getCode()
                            + (member.getValue() instanceof Health leaf && !leaf.getDetails().isEmpty()
                            ? " (" + words(leaf.getDetails()) + ")" : ""))
                    .collect(Collectors.joining("; "));
        }
        if (part instanceof Health leaf) {
            return words(leaf.getDetails());
        }
        return "";
    }

    private static String words(Map<String, Object> details) {
        return details.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
