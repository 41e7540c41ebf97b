package io.omnireturns.command.connectors.common;

import io.omnireturns.api.returns.ExternalSystem;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;
import java.util.Map;

/**
 * Every connector's settings, keyed by system name: {@code omnireturns.connectors.payments.mode=http}.
 * Names: orders, fraud, carrier, warehouse, payments, erp, crm, loyalty.
 */
@ConfigurationProperties(prefix = "omnireturns")
public record ConnectorsProperties(Map<String, ConnectorSettings> connectors) {

    public ConnectorsProperties {
        connectors = connectors == null ? Map.of() : Map.copyOf(connectors);
    }

    public ConnectorSettings of(String name) {
        return connectors.getOrDefault(name.toLowerCase(Locale.ROOT), ConnectorSettings.defaults());
    }

    public ConnectorSettings of(ExternalSystem system) {
        return of(ConnectorNames.of(system));
    }
}
