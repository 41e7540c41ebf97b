package io.omnireturns.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The event storage engine and event store Axon's auto-configuration would build, with the same settings, as a
 * {@link CommitAwareEventStorageEngine} and a {@link LingeringEventStore}:
 * <ul>
 *     <li>the engine spares the store's reader the two empty reads after each read that found events
 *     ({@code omnireturns.axon.commit-notification.reread-window});</li>
 *     <li>the store's reader waits {@code omnireturns.axon.commit-notification.linger} after a local commit before it
 *     reads, so one read serves the commits of that while.</li>
 * </ul>
 * Without {@code omnireturns.engine.optimised} both are zero: they then behave as Axon's own.
 * <p>
 * Before Axon's JDBC auto-configuration, which steps back (engine and schema) once an engine exists; conditions on
 * the data source are left out on purpose, as they were evaluated before it existed. This project always has one.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = JdbcAutoConfiguration.class)
@EnableConfigurationProperties(AxonStreamingProperties.class)
public class CommitAwareStorageConfiguration {

    /**
     * Axon's connection provider (one connection per unit of work), except that Axon never rolls back a connection
     * a Spring transaction owns: {@link TransactionOwnedConnections}.
     */
    @Bean
    @ConditionalOnMissingBean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new TransactionOwnedConnections(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 AxonStreamingProperties properties,
                                                 @Value(AxonInfrastructureConfiguration.ENGINE_OPTIMISED)
                                                 boolean optimised) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema());
        return new CommitAwareEventStorageEngine(builder,
                optimised ? properties.rereadWindow() : Duration.ZERO);
    }

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
