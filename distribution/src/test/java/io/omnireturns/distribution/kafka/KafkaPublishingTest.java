package io.omnireturns.distribution.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalTypes;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher against a real broker (KRaft, started in the test): every canonical event of each return arrives,
 * keyed by the return and in its order, also across a broker outage and a restart of the publisher.
 */
class KafkaPublishingTest extends KafkaTestBase {

    private static TopicReader topic;

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void reader() {
        if (topic == null) {
            topic = new TopicReader(BROKER.bootstrapServers(), TOPIC);
        }
    }

    @AfterAll
    static void closeReader() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    @Test
    void every_canonical_event_of_each_return_arrives_keyed_by_the_return_in_the_returns_order() {
        List<String> returnIds = returns.returnsReceivedAtStore(4);

        awaitEveryCanonicalEventOnce(topic, returnIds);
        for (String returnId : returnIds) {
            List<TopicReader.Received> records = topic.deduplicated(returnId);
            assertThat(records).extracting(TopicReader.Received::type)
                    .containsSubsequence(CanonicalTypes.RETURN_INITIATED, CanonicalTypes.RETURN_RECEIVED);
            assertThat(records).allSatisfy(record -> {
                assertThat(record.subject()).isEqualTo(returnId);
                assertThat(record.json().path("specversion").asText()).isEqualTo("1.0");
                assertThat(record.json().path("source").asText()).isEqualTo(CanonicalEvent.SOURCE);
            });
            assertThat(records).filteredOn(record -> record.type().equals(CanonicalTypes.RETURN_INITIATED))
                    .singleElement().satisfies(initiated ->
                            assertThat(initiated.json().path("data").path("returnId").asText()).isEqualTo(returnId));
            assertThat(records).extracting(TopicReader.Received::partition).as("one partition per return")
                    .containsOnly(records.get(0).partition());
        }
    }

    @Test
    void while_the_broker_is_away_nothing_is_lost_and_each_returns_order_is_kept_once_it_is_back() {
        List<String> before = returns.returnsReceivedAtStore(2);
        awaitEveryCanonicalEventOnce(topic, before);
        double failuresBefore = failures();

        BROKER.cut();
        List<String> during = new ArrayList<>();
        try {
            during.addAll(returns.returnsReceivedAtStore(3));
            // behind the head and nothing published for longer than stuck-after (2 s): the publisher is stuck
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode health = rest.withBasicAuth("operations", "demo")
                        .getForObject("/actuator/health/kafkaPublisher", JsonNode.class);
                assertThat(health.path("status").asText()).as(String.valueOf(health)).isEqualTo("DOWN");
                assertThat(health.at("/details/lagEvents").asLong()).isPositive();
                assertThat(failures()).isGreaterThan(failuresBefore);
            });
            during.addAll(returns.returnsReceivedAtStore(1));
            // the other processors do not wait for the broker: the status view shows every return received
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (String returnId : during) {
                    assertThat(rest.withBasicAuth("operations", "demo")
                            .getForObject("/api/v1/returns/" + returnId, JsonNode.class).path("status").asText())
                            .isEqualTo("RECEIVED");
                }
            });
        } finally {
            BROKER.restore();
        }

        List<String> all = new ArrayList<>(before);
        all.addAll(during);
        awaitEveryCanonicalEventOnce(topic, all);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rest.withBasicAuth("operations", "demo")
                .getForObject("/actuator/health/kafkaPublisher", JsonNode.class).path("status").asText())
                .isEqualTo("UP"));
    }

    @Test
    void a_restarted_publisher_resumes_from_its_token_with_no_gap_and_sends_nothing_again() {
        List<String> first = returns.returnsReceivedAtStore(2);
        awaitEveryCanonicalEventOnce(topic, first);
        StreamingEventProcessor publisher = processing
                .eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        publisher.shutdownAsync().join();
        List<String> whileStopped = returns.returnsReceivedAtStore(3);
        publisher.start();
        List<String> afterwards = returns.returnsReceivedAtStore(1);

        List<String> later = new ArrayList<>(whileStopped);
        later.addAll(afterwards);
        awaitEveryCanonicalEventOnce(topic, later);
        // resumed from its token, not from an earlier point: nothing published before the stop came again
        List<String> idsOfFirst = topic.poll().stream().filter(record -> first.contains(record.key()))
                .map(TopicReader.Received::id).toList();
        assertThat(idsOfFirst).as("records of the returns published before the restart").doesNotHaveDuplicates();
    }

    private double failures() {
        return meters.get(PublisherProgress.FAILURES).counter().count();
    }
}
