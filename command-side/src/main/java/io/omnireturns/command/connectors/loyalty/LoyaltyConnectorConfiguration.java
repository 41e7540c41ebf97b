package io.omnireturns.command.connectors.loyalty;

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
 * The loyalty connector: the in-process sandbox unless {@code omnireturns.connectors.loyalty.mode=http}, then the
 * real system at {@code omnireturns.connectors.loyalty.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
public class LoyaltyConnectorConfiguration {

    // Declared as the sandbox type so tests can inject it and read its ledger.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.loyalty.mode", havingValue = "sandbox",
            matchIfMissing = true)
    public SandboxLoyalty sandboxLoyalty(ConnectorsProperties properties, Clock clock) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.LOYALTY).sandbox();
        return new SandboxLoyalty(new SandboxBehaviour(ExternalSystem.LOYALTY, sandbox), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.loyalty.mode", havingValue = "http")
    public HttpLoyalty httpLoyalty(ConnectorsProperties properties, RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.LOYALTY);
        return new HttpLoyalty(new ConnectorHttp(ExternalSystem.LOYALTY, settings, restClientBuilder));
    }
}
