package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import io.omnireturns.command.connectors.common.ConnectorNames;
import io.omnireturns.command.connectors.common.ConnectorSettings;
import io.omnireturns.command.connectors.common.ConnectorsProperties;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import java.time.Clock;

/**
 * The order system connector: the in-process sandbox unless {@code omnireturns.connectors.orders.mode=http}, then
 * the real system at {@code omnireturns.connectors.orders.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ConnectorsProperties.class, OrderConnectorConfiguration.SandboxOrders.class})
public class OrderConnectorConfiguration {

    /**
     * What only the sandbox order system has, {@code omnireturns.connectors.orders.sandbox.*} (beside the latency and
     * failure settings every sandbox has).
     *
     * @param copyPrefix empty (the default): only the demo orders exist. Set, say to {@code BENCH-}: every order id
     *                   {@code BENCH-<demo number>-<anything>} is a fresh copy of that demo order, so benchmarks and
     *                   load tests have as many orders as they like (see docs/demo-data.md). Never in production.
     */
    @ConfigurationProperties(prefix = "omnireturns.connectors.orders.sandbox")
    public record SandboxOrders(@DefaultValue("") String copyPrefix) {
    }

    // Declared as the sandbox type so tests can inject it, register orders and read its replacement orders.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.orders.mode", havingValue = "sandbox",
            matchIfMissing = true)
    public SandboxOrderSystem sandboxOrderSystem(ConnectorsProperties properties, SandboxOrders sandboxOrders,
                                                 Clock clock) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.ORDERS).sandbox();
        return new SandboxOrderSystem(new SandboxBehaviour(ExternalSystem.ORDER, sandbox), clock,
                sandboxOrders.copyPrefix());
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.orders.mode", havingValue = "http")
    public HttpOrderSystem httpOrderSystem(ConnectorsProperties properties, RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.ORDERS);
        return new HttpOrderSystem(new ConnectorHttp(ExternalSystem.ORDER, settings, restClientBuilder));
    }
}
