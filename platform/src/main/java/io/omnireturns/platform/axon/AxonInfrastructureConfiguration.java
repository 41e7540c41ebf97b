package io.omnireturns.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.omnireturns.platform.observability.ConversationCorrelationProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL through its JDBC engine, with Jackson for every serializer through one dedicated
 * ObjectMapper: the web layer's JSON settings can never change what is stored.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
@EnableConfigurationProperties(AxonStreamingProperties.class)
public class AxonInfrastructureConfiguration {

    /** Source of the streaming processors that name it ({@code axon.eventhandling.processors.<name>.source}). */
    public static final String COMMIT_NOTIFYING_EVENT_SOURCE = "commitNotifyingEventSource";

    /**
     * Source of the views' streaming processors: told of local commits like {@link #COMMIT_NOTIFYING_EVENT_SOURCE},
     * after {@code omnireturns.axon.commit-notification.view-linger} (they are no hop of a process, so they can wait
     * for fuller batches).
     */
    public static final String VIEW_EVENT_SOURCE = "viewEventSource";

    /**
     * Source of the reports' streaming processors (KPI base, finance ledger): like {@link #VIEW_EVENT_SOURCE}, after
     * {@code omnireturns.axon.commit-notification.report-linger}, and looking for other nodes' events no more often.
     */
    public static final String REPORT_EVENT_SOURCE = "reportEventSource";

    /** Metadata keys that every message caused by a request inherits: who acted, through which system. */
    public static final String ACTOR = "actor";
    public static final String SOURCE_SYSTEM = "sourceSystem";

    /**
     * The bench's yardstick switch (issue 12): every optimisation for cost is on while it is true (the default), and
     * off when it is false, giving the one-write-per-event behaviour it is measured against.
     */
    public static final String ENGINE_OPTIMISED = "${omnireturns.engine.optimised:true}";

    private static final ObjectMapper AXON_OBJECT_MAPPER = storageObjectMapper();

    /** The stored format: ISO dates, records through their canonical constructors, tolerant of added fields. */
    public static ObjectMapper storageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(AXON_OBJECT_MAPPER)
                .revisionResolver(revisionResolver)
                .build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean(name = COMMIT_NOTIFYING_EVENT_SOURCE, destroyMethod = "close")
    public CommitNotifyingEventSource commitNotifyingEventSource(EventStore eventStore,
                                                                 AxonStreamingProperties properties,
                                                                 @Value(ENGINE_OPTIMISED) boolean optimised) {
        return new CommitNotifyingEventSource(eventStore, properties.enabled(), properties.commitWait(),
                properties.fallbackInterval(), optimised ? properties.linger() : Duration.ZERO);
    }

    @Bean(name = VIEW_EVENT_SOURCE, destroyMethod = "close")
    public CommitNotifyingEventSource viewEventSource(EventStore eventStore, AxonStreamingProperties properties,
                                                      @Value(ENGINE_OPTIMISED) boolean optimised) {
        return new CommitNotifyingEventSource(eventStore, properties.enabled(), properties.commitWait(),
                properties.fallbackInterval(), optimised ? properties.viewLinger() : Duration.ZERO);
    }

    @Bean(name = REPORT_EVENT_SOURCE, destroyMethod = "close")
    public CommitNotifyingEventSource reportEventSource(EventStore eventStore, AxonStreamingProperties properties,
                                                        @Value(ENGINE_OPTIMISED) boolean optimised) {
        Duration linger = optimised ? properties.reportLinger() : Duration.ZERO;
        Duration fallback = linger.compareTo(properties.fallbackInterval()) > 0
                ? linger : properties.fallbackInterval();
        return new CommitNotifyingEventSource(eventStore, properties.enabled(), properties.commitWait(), fallback,
                linger);
    }

    /** Unique-key violations recognised on PostgreSQL (Axon's default resolver never recognises them there). */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeys();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /**
     * Instead of Axon's {@code MessageOriginProvider}: the request's correlation and trace ids stay the same on every
     * message they cause, and the direct cause is kept as {@code causationId}.
     */
    @Bean
    public CorrelationDataProvider conversationCorrelationProvider() {
        return new ConversationCorrelationProvider();
    }

    @Bean
    public CorrelationDataProvider actorAndSourceProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, SOURCE_SYSTEM);
    }
}
