package io.omnireturns.query.analytics;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The returns-analytics projection's processor (settings in {@code omnireturns-analytics.properties}, lowest
 * precedence) and its dead-letter queue. Its table comes with the query side's migrations
 * ({@code V9__returns_analytics.sql}).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:omnireturns-analytics.properties")
public class AnalyticsConfiguration {

    @Bean
    ConfigurerModule returnsAnalyticsDeadLetterSettings() {
        return configurer -> configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(
                ReturnsAnalyticsProjection.PROCESSING_GROUP,
                (configuration, builder) -> builder.allowReset(true).enableSequenceIdentifierCache());
    }
}
