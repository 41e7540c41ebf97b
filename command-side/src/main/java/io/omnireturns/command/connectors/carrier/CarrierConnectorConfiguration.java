package io.omnireturns.command.connectors.carrier;

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
 * The carrier connector: the in-process sandbox unless {@code omnireturns.connectors.carrier.mode=http}, then the
 * real system at {@code omnireturns.connectors.carrier.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
public class CarrierConnectorConfiguration {

    // Declared as the sandbox type so tests can inject it and read its ledger.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.carrier.mode", havingValue = "sandbox",
            matchIfMissing = true)
    public SandboxCarrier sandboxCarrier(ConnectorsProperties properties, Clock clock) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.CARRIER).sandbox();
        return new SandboxCarrier(new SandboxBehaviour(ExternalSystem.CARRIER, sandbox), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.carrier.mode", havingValue = "http")
    public HttpCarrier httpCarrier(ConnectorsProperties properties, RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.CARRIER);
        return new HttpCarrier(new ConnectorHttp(ExternalSystem.CARRIER, settings, restClientBuilder));
    }
}
