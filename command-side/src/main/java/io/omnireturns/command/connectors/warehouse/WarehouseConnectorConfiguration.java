package io.omnireturns.command.connectors.warehouse;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import io.omnireturns.command.connectors.common.ConnectorNames;
import io.omnireturns.command.connectors.common.ConnectorSettings;
import io.omnireturns.command.connectors.common.ConnectorsProperties;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import java.time.Clock;

/**
 * The warehouse connector: the in-process sandbox unless {@code omnireturns.connectors.warehouse.mode=http}, then
 * the real system at {@code omnireturns.connectors.warehouse.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
public class WarehouseConnectorConfiguration {

    // Declared as the sandbox type so tests can inject it and read its ledger.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.warehouse.mode", havingValue = "sandbox",
            matchIfMissing = true)
    public SandboxWarehouse sandboxWarehouse(ConnectorsProperties properties, Clock clock) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.WAREHOUSE).sandbox();
        return new SandboxWarehouse(new SandboxBehaviour(ExternalSystem.WAREHOUSE, sandbox), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.warehouse.mode", havingValue = "http")
    public HttpWarehouse httpWarehouse(ConnectorsProperties properties, RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.WAREHOUSE);
        return new HttpWarehouse(new ConnectorHttp(ExternalSystem.WAREHOUSE, settings, restClientBuilder));
    }
}
