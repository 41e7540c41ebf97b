package io.omnireturns.distribution.kafka;

import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalTypes;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch rules that keep a return's events in order across a failure, on Kafka's mock producer. */
class KafkaCanonicalEventProducerTest {

    private static final String TOPIC = "omnireturns.returns.v1";

    private final List<MockProducer<String, byte[]>> producers = new ArrayList<>();
    private final CanonicalEventProducer producer = new CanonicalEventProducer(this::newProducer, Map.of(),
            new KafkaPublishingProperties(TOPIC, 3, Duration.ofSeconds(3), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofMinutes(2)), "test");

    KafkaCanonicalEventProducerTest() {
        producer.knownTopic(TOPIC);
    }

    @Test
    void once_an_event_of_a_batch_failed_the_rest_of_the_batch_is_refused_and_the_next_batch_has_a_new_producer() {
        CanonicalEventProducer.Batch batch = producer.batch();
        batch.send(TOPIC, event("R-1", 0));
        producers.get(0).errorNext(new TimeoutException("broker away"));

        assertThatThrownBy(() -> batch.send(TOPIC, event("R-1", 1))).isInstanceOf(KafkaPublishingException.class);
        assertThatThrownBy(() -> batch.acknowledge(Duration.ofSeconds(1))).isInstanceOf(KafkaPublishingException.class);
        assertThat(producers.get(0).closed()).as("the failed producer is closed, failing what it still holds").isTrue();
        assertThat(producers.get(0).history()).extracting(record -> record.key()).containsExactly("R-1");

        CanonicalEventProducer.Batch retry = producer.batch();
        retry.send(TOPIC, event("R-1", 0));
        retry.send(TOPIC, event("R-1", 1));
        producers.get(1).completeNext();
        producers.get(1).completeNext();
        retry.acknowledge(Duration.ofSeconds(1));

        assertThat(producers).hasSize(2);
        assertThat(producers.get(1).history()).extracting(record -> record.key()).containsExactly("R-1", "R-1");
        assertThat(retry.sent()).isEqualTo(2);
    }

    @Test
    void a_batch_the_broker_does_not_acknowledge_in_time_fails_and_abandons_its_producer() {
        CanonicalEventProducer.Batch batch = producer.batch();
        batch.send(TOPIC, event("R-2", 0));

        assertThatThrownBy(() -> batch.acknowledge(Duration.ofMillis(50))).isInstanceOf(KafkaPublishingException.class)
                .hasMessageContaining("no acknowledgement");
        assertThat(producers.get(0).closed()).isTrue();
        producer.batch();
        assertThat(producers).hasSize(2);
    }

    private Producer<String, byte[]> newProducer() {
        MockProducer<String, byte[]> mock = new MockProducer<>(false, new StringSerializer(), new ByteArraySerializer());
        producers.add(mock);
        return mock;
    }

    private static CanonicalEvent event(String returnId, long sequence) {
        return new CanonicalEvent(returnId + "-" + sequence, CanonicalTypes.RETURN_INITIATED, returnId,
                Instant.parse("2026-01-01T00:00:00Z"), sequence, Map.of("returnId", returnId));
    }
}
