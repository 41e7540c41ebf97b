package io.omnireturns.distribution.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.integration.CanonicalEventTranslator;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * Kafka publishing, on only while {@code spring.kafka.bootstrap-servers} is set (the embedded default run and the
 * tests without a broker have none of these beans, so nothing connects anywhere). The processor's settings are in
 * {@code omnireturns-kafka.properties}, lowest precedence.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
@EnableConfigurationProperties(KafkaPublishingProperties.class)
@PropertySource("classpath:omnireturns-kafka.properties")
public class KafkaPublishingConfiguration {

    @Bean(destroyMethod = "close")
    CanonicalEventProducer canonicalEventProducer(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                                                  KafkaPublishingProperties properties) {
        return producer(kafka, sslBundles.getIfAvailable(), properties, "omnireturns-publisher");
    }

    /** Boot's {@code spring.kafka.*} client settings (brokers, security, SSL bundle), under the given client id. */
    private static CanonicalEventProducer producer(KafkaProperties kafka, SslBundles sslBundles,
                                                   KafkaPublishingProperties properties, String clientId) {
        return new CanonicalEventProducer(kafka.buildProducerProperties(sslBundles),
                kafka.buildAdminProperties(sslBundles), properties, clientId);
    }

    @Bean
    PublisherProgress kafkaPublisherProgress(Clock clock, MeterRegistry registry) {
        return new PublisherProgress(clock, registry);
    }

    @Bean
    KafkaPublisher kafkaPublisher(CanonicalEventProducer producer, KafkaPublishingProperties properties,
                                  PublisherProgress progress) {
        return new KafkaPublisher(new CanonicalEventTranslator(), producer, properties, progress);
    }

    /** A batch the broker did not take fails as a whole and is retried with back-off: never logged and skipped. */
    @Bean
    ConfigurerModule kafkaPublisherFailures() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                KafkaPublisher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    @Bean("kafkaPublisherHealthIndicator")
    PublisherHealthIndicator kafkaPublisherHealthIndicator(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                                           Serializer serializer, EventStore eventStore,
                                                           PublisherProgress progress,
                                                           KafkaPublishingProperties properties, Clock clock,
                                                           MeterRegistry registry) {
        PublisherLag lag = new PublisherLag(jdbc, serializer, eventStore, clock);
        PublisherHealthIndicator health = new PublisherHealthIndicator(processing, lag, progress, properties, clock);
        Gauge.builder(PublisherHealthIndicator.LAG, health, PublisherHealthIndicator::lag).baseUnit("events")
                .description("events of the store the Kafka publisher has not published yet").register(registry);
        return health;
    }

    @Bean(destroyMethod = "close")
    Republications republications(EventStore eventStore, KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                                  KafkaPublishingProperties properties, Clock clock) {
        SslBundles bundles = sslBundles.getIfAvailable();
        return new Republications(eventStore, new CanonicalEventTranslator(),
                () -> producer(kafka, bundles, properties, "omnireturns-republisher"), properties, clock);
    }
}
