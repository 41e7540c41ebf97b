package io.omnireturns.platform.axon;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Axon's embedded event store, built as its auto-configuration builds it, but whose reader waits
 * {@code omnireturns.axon.commit-notification.linger} after a local commit before it reads, so one read transaction
 * serves many commits ({@link LingeringEventStore}). Without {@code omnireturns.engine.optimised} the linger is zero:
 * the reader reads after every commit, as Axon's own store does.
 * <p>
 * Its own auto-configuration because it needs the storage engine of Axon's JDBC configuration (which steps back as
 * soon as an event bus exists) and must come before Axon's, which would otherwise build the plain store.
 */
@AutoConfiguration(after = JdbcAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnBean(EventStorageEngine.class)
@EnableConfigurationProperties(AxonStreamingProperties.class)
public class LingeringEventStoreConfiguration {

    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventBus.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         AxonStreamingProperties properties,
                                         @Value(AxonInfrastructureConfiguration.ENGINE_OPTIMISED) boolean optimised) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class));
        return new LingeringEventStore(builder, optimised ? properties.linger() : Duration.ZERO);
    }
}
