package io.omnireturns.command.connectors.common;

import io.omnireturns.api.returns.ExternalSystem;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;
import java.util.Map;

/**
 * Every connector's settings, keyed by system name: {@code omnireturns.connectors.payments.mode=http}.
 * Names: orders, fraud, carrier, warehouse, payments, erp, crm, loyalty, tax. The sandbox latency under the name
 * {@value #ALL} ({@code omnireturns.connectors.all.sandbox.latency=200ms}) applies to every sandbox without a
 * latency of its own.
 */
@ConfigurationProperties(prefix = "omnireturns")
public record ConnectorsProperties(Map<String, ConnectorSettings> connectors) {

    public ConnectorsProperties {
        connectors = connectors == null ? Map.of() : Map.copyOf(connectors);
    }

    public static final String ALL = "all";

    public ConnectorSettings of(String name) {
        ConnectorSettings own = connectors.getOrDefault(name.toLowerCase(Locale.ROOT), ConnectorSettings.defaults());
        ConnectorSettings all = connectors.get(ALL);
        return all == null ? own : own.withDefaultLatency(all.sandbox());
    }

    public ConnectorSettings of(ExternalSystem system) {
        return of(ConnectorNames.of(system));
    }
}
