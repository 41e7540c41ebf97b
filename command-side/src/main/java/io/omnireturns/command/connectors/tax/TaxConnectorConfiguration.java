package io.omnireturns.command.connectors.tax;

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

/**
 * The tax connector: the in-process sandbox (rates from {@link SandboxTaxRates}) unless
 * {@code omnireturns.connectors.tax.mode=http}, then the real service at {@code omnireturns.connectors.tax.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ConnectorsProperties.class, SandboxTaxRates.class})
public class TaxConnectorConfiguration {

    // Declared as the sandbox type so tests can inject it and read its calculations.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.tax.mode", havingValue = "sandbox", matchIfMissing = true)
    public SandboxTaxService sandboxTaxService(ConnectorsProperties properties, SandboxTaxRates rates) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.TAX).sandbox();
        return new SandboxTaxService(new SandboxBehaviour(ExternalSystem.TAX, sandbox), rates);
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.tax.mode", havingValue = "http")
    public HttpTaxService httpTaxService(ConnectorsProperties properties, RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.TAX);
        return new HttpTaxService(new ConnectorHttp(ExternalSystem.TAX, settings, restClientBuilder));
    }
}
