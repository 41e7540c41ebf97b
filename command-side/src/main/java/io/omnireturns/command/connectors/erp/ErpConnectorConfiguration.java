package io.omnireturns.command.connectors.erp;

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
 * The ERP connector: the in-process sandbox unless {@code omnireturns.connectors.erp.mode=http}, then the real
 * system at {@code omnireturns.connectors.erp.base-url}. One ERP plays two parts (credit memos and stock); its
 * settings are one, and it is named {@code ERP_CREDIT_MEMO} where one name is needed (injected sandbox failures).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
public class ErpConnectorConfiguration {

    // Declared as the sandbox type so tests can inject it and read its ledger.
    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.erp.mode", havingValue = "sandbox",
            matchIfMissing = true)
    public SandboxErp sandboxErp(ConnectorsProperties properties, Clock clock) {
        ConnectorSettings.Sandbox sandbox = properties.of(ConnectorNames.ERP).sandbox();
        return new SandboxErp(new SandboxBehaviour(ExternalSystem.ERP_CREDIT_MEMO, sandbox), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "omnireturns.connectors.erp.mode", havingValue = "http")
    public HttpErp httpErp(ConnectorsProperties properties, RestClient.Builder restClientBuilder) {
        ConnectorSettings settings = properties.of(ConnectorNames.ERP);
        return new HttpErp(new ConnectorHttp(ExternalSystem.ERP_CREDIT_MEMO, settings, restClientBuilder));
    }
}
