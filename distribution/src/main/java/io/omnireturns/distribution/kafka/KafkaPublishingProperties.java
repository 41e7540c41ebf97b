package io.omnireturns.distribution.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Kafka publishing, {@code omnireturns.kafka.*}; read only while {@code spring.kafka.bootstrap-servers} is set (the
 * broker, security and any other client setting come from Boot's {@code spring.kafka.*}).
 *
 * @param topic           where every canonical event goes, keyed by return id
 * @param partitions      the topic's partitions when the publisher creates it (an existing topic is left as it is);
 *                        a return's events stay in one partition whatever the count
 * @param deliveryTimeout how long the producer tries to deliver one record before the batch fails and the processor
 *                        retries it with back-off ({@code delivery.timeout.ms}); also bounds how long a batch waits
 * @param requestTimeout  one request to the broker ({@code request.timeout.ms}); below the delivery timeout
 * @param maxBlock        how long a send may wait for the topic's metadata or buffer space ({@code max.block.ms})
 * @param stuckAfter      the health component {@code kafkaPublisher} is DOWN once the publisher is behind the head of
 *                        the event store and has not published for this long
 */
@ConfigurationProperties(prefix = "omnireturns.kafka")
public record KafkaPublishingProperties(@DefaultValue("omnireturns.returns.v1") String topic,
                                        @DefaultValue("6") int partitions,
                                        @DefaultValue("30s") Duration deliveryTimeout,
                                        @DefaultValue("10s") Duration requestTimeout,
                                        @DefaultValue("10s") Duration maxBlock,
                                        @DefaultValue("2m") Duration stuckAfter) {

    public KafkaPublishingProperties {
        if (!Topics.isValid(topic)) {
            throw new IllegalArgumentException("omnireturns.kafka.topic: " + Topics.RULE + ", not '" + topic + "'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("omnireturns.kafka.partitions must be at least 1");
        }
        if (requestTimeout.compareTo(deliveryTimeout) > 0) {
            throw new IllegalArgumentException("omnireturns.kafka.request-timeout must not exceed delivery-timeout");
        }
    }
}
