package io.omnireturns.command.connectors.fraud;

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

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;

/**
 * The fraud connector: the in-process sandbox unless {@code omnireturns.connectors.fraud.mode=http}, then the real
 * service at {@code omnireturns.connectors.fraud.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ConnectorsProperties.class, FraudConnectorConfiguration.SandboxRules.class})
public class FraudConnectorConfiguration {

    // Declared as the sandbox type so tests can inject it and read its assessments.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.fraud.mode", havingValue = "sandbox",
            matchIfMissing = true)
    public SandboxFraudScoring sandboxFraudScoring(ConnectorsProperties properties, SandboxRules rules,
                                                   Clock clock) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.FRAUD).sandbox();
        return new SandboxFraudScoring(new SandboxBehaviour(ExternalSystem.FRAUD, sandbox), clock,
                rules.watchList(), rules.reviewAbove());
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.fraud.mode", havingValue = "http")
    public HttpFraudScoring httpFraudScoring(ConnectorsProperties properties, RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.FRAUD);
        return new HttpFraudScoring(new ConnectorHttp(ExternalSystem.FRAUD, settings, restClientBuilder));
    }

    /**
     * The sandbox's review rules, beside latency, failure rate and seed.
     *
     * @param watchList   customers whose every return a person reviews
     * @param reviewAbove merchandise value, in major units of any currency, above which a person reviews
     */
    @ConfigurationProperties(prefix = "omnireturns.connectors.fraud.sandbox")
    public record SandboxRules(@DefaultValue("CUST-666") Set<String> watchList,
                               @DefaultValue("2000.00") BigDecimal reviewAbove) {
    }
}
