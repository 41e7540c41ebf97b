package io.omnireturns.distribution.kafka;

import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.distribution.DistributionIntegrationTest;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service with Kafka publishing on, against the one {@link TestBroker} of the test JVM (through its proxy).
 * Test classes extending this share one application context.
 */
@DistributionIntegrationTest
@TestPropertySource(properties = {
        "omnireturns.kafka.partitions=3",
        // a broker that is away fails a batch within seconds, so outages in the tests stay short
        "omnireturns.kafka.delivery-timeout=3s",
        "omnireturns.kafka.request-timeout=1s",
        "omnireturns.kafka.max-block=1s",
        "omnireturns.kafka.stuck-after=2s"})
abstract class KafkaTestBase {

    static final TestBroker BROKER = TestBroker.get();
    static final String TOPIC = "omnireturns.returns.v1";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    EventStore eventStore;
    @Autowired
    Clock clock;

    ReturnsDriver returns;

    @BeforeEach
    void driver() {
        returns = new ReturnsDriver(rest, orders, eventStore, clock);
    }

    /**
     * What a consumer de-duplicating on the id sees of each return is exactly the canonical events of its stored
     * events, in their order: nothing missing, nothing out of order, all under the return's key.
     */
    void awaitEveryCanonicalEventOnce(TopicReader reader, List<String> returnIds) {
        await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String returnId : returnIds) {
                List<CanonicalEvent> expected = returns.canonicalEventsOf(returnId);
                assertThat(expected).as("canonical events of " + returnId).isNotEmpty();
                assertThat(reader.deduplicated(returnId)).extracting(TopicReader.Received::id)
                        .as("ids on the topic under the key " + returnId)
                        .containsExactlyElementsOf(expected.stream().map(CanonicalEvent::id).toList());
            }
        });
    }
}
