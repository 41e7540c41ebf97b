package io.omnireturns.command.config;

import io.omnireturns.platform.concurrent.DaemonThreads;
import io.omnireturns.platform.database.EmbeddedPostgresConfiguration;
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
import org.springframework.core.env.Environment;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon settings of the command side: snapshots off the caller's thread, aggregates cached between commands when this
 * process owns the store, retried write conflicts, its schema.
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
     * The cache both aggregates name ({@code @Aggregate(cache = "aggregateCache")}), on by default only when this
     * process owns its store (the embedded PostgreSQL). A cached copy that missed events another process appended is
     * caught when it appends (the store's unique aggregate/sequence key makes it a conflict, the unit of work evicts
     * the copy and {@link ConflictRetryScheduler} runs the command again on the stored aggregate), but a command that
     * refuses, or decides there is nothing to do, appends nothing and would decide on the old copy: with several
     * command-side instances on one database, leave the cache off or route each aggregate's commands to one instance.
     */
    @Bean
    public Cache aggregateCache(CommandSideProperties properties, Environment environment) {
        return switch (properties.aggregateCacheFor(EmbeddedPostgresConfiguration.usesEmbeddedDatabase(environment))) {
            case WEAK_REFERENCE -> new WeakReferenceCache();
            case NONE -> NoCache.INSTANCE;
        };
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
                .registerListenerInvocationErrorHandler("order-ledger-release", c -> PropagatingErrorHandler.instance())
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
