package io.omnireturns.query;

import io.omnireturns.platform.database.SchemaMigration;
import io.omnireturns.query.exceptions.ExceptionQueueProjection;
import io.omnireturns.query.status.ReturnStatusProjection;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import java.util.List;

/**
 * The query side's schema and event processor settings. The processor properties sit in
 * {@code omnireturns-query.properties}, the lowest-precedence source, so an application's own configuration
 * can still override them.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:omnireturns-query.properties")
public class QuerySideConfiguration {

    @Bean
    SchemaMigration querySchema() {
        return new SchemaMigration("query", "classpath:db/migration/query", "flyway_history_query", 20);
    }

    /**
     * What the processor properties cannot say about the projections' dead-letter queues: a replay rebuilds
     * a view from scratch, so it also drops the old dead letters (Axon keeps them by default); and the
     * sequence cache spares a dead-letter lookup per event while the queue holds nothing for a return.
     */
    @Bean
    ConfigurerModule projectionDeadLetterSettings() {
        return configurer -> {
            for (String processingGroup : List.of(ReturnStatusProjection.PROCESSING_GROUP,
                    ExceptionQueueProjection.PROCESSING_GROUP)) {
                configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(processingGroup,
                        (configuration, builder) -> builder.allowReset(true).enableSequenceIdentifierCache());
            }
        };
    }
}
