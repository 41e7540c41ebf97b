package io.omnireturns.command.config;

import io.omnireturns.platform.concurrent.DaemonThreads;
import io.omnireturns.platform.database.SchemaMigration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon settings of the command side: snapshots off the caller's thread, aggregates cached between commands (checked
 * against the store on every hit), retried write conflicts, its schema.
 */
@org.springframework.context.annotation.Configuration
@EnableConfigurationProperties(CommandSideProperties.class)
@PropertySource("classpath:omnireturns-command.properties")
public class CommandSideConfiguration {

    @Bean
    SchemaMigration commandSideSchema() {
        return new SchemaMigration("command", "classpath:db/migration/command", "flyway_history_command", 10);
    }

    /** Snapshots are taken on their own thread after the command's transaction, never inside it. */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(Executors.newSingleThreadExecutor(DaemonThreads.named("snapshotter")))
                .build();
    }

    /**
     * The cache both aggregates name ({@code @Aggregate(cache = "aggregateCache")}), on by default on any database.
     * Every hit is checked against the store ({@link VersionCheckedCache}: one indexed look-up of the aggregate's last
     * sequence number), so a copy that missed events another process appended is a miss, never a decision on old
     * state; and an entry put in a transaction that then fails is evicted.
     */
    @Bean
    public Cache aggregateCache(CommandSideProperties properties, JdbcTemplate jdbc) {
        return switch (properties.aggregateCacheOrDefault()) {
            case WEAK_REFERENCE -> new VersionCheckedCache(new WeakReferenceCache(), jdbc);
            case NONE -> NoCache.INSTANCE;
        };
    }

    /** The aggregates' in-memory locks, held to the end of a transaction that spans several commands when asked. */
    @Bean
    public AggregateLocks aggregateLocks() {
        return new AggregateLocks();
    }

    @Bean
    public SnapshotTriggerDefinition returnSnapshotTrigger(Snapshotter snapshotter, CommandSideProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * The command side's event handlers drive steps with financial effects: a failure must stop and retry
     * the segment, never skip the event (the default handler logs and moves on).
     */
    @Bean
    public ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler("return-process", c -> PropagatingErrorHandler.instance());
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("command-retry"));
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, CommandSideProperties properties,
                                         ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(properties.conflictRetries(),
                        (int) properties.conflictRetryInterval().toMillis(), commandRetryExecutor))
                .build();
    }
}
