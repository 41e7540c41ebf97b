package io.omnireturns.query.kpi;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The KPI projection's processor (settings in {@code omnireturns-kpi.properties}, lowest precedence) and its
 * dead-letter queue: a replay also drops old dead letters, and the sequence cache spares a lookup per event while
 * the queue holds nothing for a return. Its table comes with the query side's migrations ({@code V6__kpi.sql}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KpiProperties.class)
@PropertySource("classpath:omnireturns-kpi.properties")
public class KpiConfiguration {

    @Bean
    ConfigurerModule kpiDeadLetterSettings() {
        return configurer -> configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(
                KpiProjection.PROCESSING_GROUP,
                (configuration, builder) -> builder.allowReset(true).enableSequenceIdentifierCache());
    }
}
