package io.omnireturns.command.connectors.payments;

import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorHttp;
import io.omnireturns.command.connectors.common.ConnectorNames;
import io.omnireturns.command.connectors.common.ConnectorSettings;
import io.omnireturns.command.connectors.common.ConnectorsProperties;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.util.Optional;

/**
 * The payment connector: the in-process sandbox unless {@code omnireturns.connectors.payments.mode=http}, then the
 * real gateway at {@code omnireturns.connectors.payments.base-url}. The sandbox gateway knows the captures of the
 * sandbox order system's orders when that runs too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ConnectorsProperties.class, PaymentConnectorConfiguration.SandboxPayments.class})
public class PaymentConnectorConfiguration {

    // Declared as the sandbox type so tests can inject it and read its ledger.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.payments.mode", havingValue = "sandbox",
            matchIfMissing = true)
    public SandboxPaymentGateway sandboxPaymentGateway(ConnectorsProperties properties, SandboxPayments payments,
                                                       Clock clock, ObjectProvider<SandboxOrderSystem> orders) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.PAYMENTS).sandbox();
        SandboxOrderSystem orderSystem = orders.getIfAvailable();
        SandboxPaymentGateway gateway = new SandboxPaymentGateway(new SandboxBehaviour(ExternalSystem.PAYMENT, sandbox),
                clock, orderSystem == null ? orderId -> Optional.empty() : orderSystem::registered);
        gateway.setSettleImmediately(payments.settleImmediately());
        return gateway;
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.payments.mode", havingValue = "http")
    public HttpPaymentGateway httpPaymentGateway(ConnectorsProperties properties,
                                                 RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.PAYMENTS);
        return new HttpPaymentGateway(new ConnectorHttp(ExternalSystem.PAYMENT, settings, restClientBuilder));
    }

    /**
     * What only the sandbox gateway has, beside latency, failure rate and seed.
     *
     * @param settleImmediately {@code false}: refunds are answered unsettled, as cards that settle later
     */
    @ConfigurationProperties(prefix = "omnireturns.connectors.payments.sandbox")
    public record SandboxPayments(@DefaultValue("true") boolean settleImmediately) {
    }
}
