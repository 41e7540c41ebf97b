package io.omnireturns.query.finance;

import io.omnireturns.platform.database.EventSavepoints;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The finance ledger's settings and processor. Its tables come with the query side's migrations
 * ({@code V4__finance_ledger.sql}); its processor properties sit in {@code omnireturns-finance.properties}, the
 * lowest-precedence source, so an application's own configuration can still override them.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:omnireturns-finance.properties")
@EnableConfigurationProperties(FinanceProperties.class)
public class FinanceConfiguration {

    @Bean
    AccountingPeriods accountingPeriods(FinanceProperties properties) {
        return new AccountingPeriods(properties.timeZone());
    }

    /**
     * As for the other views: a replay also drops the ledger's old dead letters, and the sequence cache spares a
     * dead-letter lookup per event while the queue holds nothing for a return.
     */
    /** Unless told otherwise, Axon's per-event metrics of the ledger's processor leave replayed events out. */
    @Bean
    ConfigurerModule financeLedgerReplayMetrics(FinanceProperties properties) {
        return configurer -> {
            if (!properties.measureReplayedEvents()) {
                configurer.eventProcessing().registerMessageMonitorFactory(FinanceLedgerProjection.PROCESSING_GROUP,
                        EventSavepoints.skippingReplays());
            }
        };
    }

    @Bean
    ConfigurerModule financeLedgerDeadLetterSettings() {
        return configurer -> configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(
                FinanceLedgerProjection.PROCESSING_GROUP,
                (configuration, builder) -> builder.allowReset(true).enableSequenceIdentifierCache());
    }
}
