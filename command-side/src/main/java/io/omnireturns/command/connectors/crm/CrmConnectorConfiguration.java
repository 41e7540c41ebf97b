package io.omnireturns.command.connectors.crm;

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
 * The CRM connector: the in-process sandbox unless {@code omnireturns.connectors.crm.mode=http}, then the real
 * system at {@code omnireturns.connectors.crm.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
public class CrmConnectorConfiguration {

    // Declared as the sandbox type so tests can inject it and read its ledger.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.crm.mode", havingValue = "sandbox",
            matchIfMissing = true)
    public SandboxCrm sandboxCrm(ConnectorsProperties properties, Clock clock) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.CRM).sandbox();
        return new SandboxCrm(new SandboxBehaviour(ExternalSystem.CRM, sandbox), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.crm.mode", havingValue = "http")
    public HttpCrm httpCrm(ConnectorsProperties properties, RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.CRM);
        return new HttpCrm(new ConnectorHttp(ExternalSystem.CRM, settings, restClientBuilder));
    }
}
