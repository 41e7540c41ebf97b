package io.omnireturns.command.connectors.orders;

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
 * The order system connector: the in-process sandbox unless {@code omnireturns.connectors.orders.mode=http}, then
 * the real system at {@code omnireturns.connectors.orders.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
public class OrderConnectorConfiguration {

    // Declared as the sandbox type so tests can inject it, register orders and read its replacement orders.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.orders.mode", havingValue = "sandbox",
            matchIfMissing = true)
    public SandboxOrderSystem sandboxOrderSystem(ConnectorsProperties properties, Clock clock) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.ORDERS).sandbox();
        return new SandboxOrderSystem(new SandboxBehaviour(ExternalSystem.ORDER, sandbox), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.orders.mode", havingValue = "http")
    public HttpOrderSystem httpOrderSystem(ConnectorsProperties properties, RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.ORDERS);
        return new HttpOrderSystem(new ConnectorHttp(ExternalSystem.ORDER, settings, restClientBuilder));
    }
}
