package io.omnireturns.distribution.webhooks;

import io.omnireturns.distribution.contract.CloudEventJson;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.ReturnInitiatedV1;
import io.omnireturns.api.integration.ReturnReceivedV1;
import io.omnireturns.distribution.DistributionIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import java.util.UUID;

import static io.omnireturns.distribution.webhooks.WebhookApi.INITIATED;
import static io.omnireturns.distribution.webhooks.WebhookApi.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on PostgreSQL: an event recorded again adds no delivery, only the head of a (subscription, return) queue
 * is claimed, and a claimed delivery is no other node's until its lease ends. The subscription here is switched off,
 * so the running dispatcher leaves its rows alone.
 */
@DistributionIntegrationTest
class WebhookOutboxTest {

    private static final CloudEventJson CLOUD_EVENTS = new CloudEventJson();

    @Autowired
    SubscriptionRepository subscriptions;
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    @Test
    void the_recording_processor_runs_with_one_segment_while_the_engine_is_optimised() {
        assertThat(environment.getProperty("axon.eventhandling.processors." + DeliveryRecorder.PROCESSING_GROUP
                + ".initial-segment-count")).isEqualTo("1");
    }

    @Test
    void an_event_recorded_again_is_delivered_once_per_subscription() {
        String subscription = switchedOffSubscription();
        CanonicalEvent initiated = initiated("R-" + UUID.randomUUID());

        deliveries.record(initiated, CLOUD_EVENTS.writeBytes(initiated), List.of(subscription));
        deliveries.record(initiated, CLOUD_EVENTS.writeBytes(initiated), List.of(subscription));

        assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where subscription_id = ?",
                Integer.class, subscription)).isEqualTo(1);
    }

    @Test
    void only_the_head_of_a_returns_queue_is_claimed_and_by_one_node_until_its_lease_ends() {
        String subscription = switchedOffSubscription();
        String returnId = "R-" + UUID.randomUUID();
        CanonicalEvent received = received(returnId);
        CanonicalEvent initiated = initiated(returnId);
        deliveries.record(received, CLOUD_EVENTS.writeBytes(received), List.of(subscription)); // recorded first,
        deliveries.record(initiated, CLOUD_EVENTS.writeBytes(initiated), List.of(subscription)); // yet later in order
        Instant now = Instant.now().plusSeconds(1);

        List<DeliveryRepository.Claimed> first = deliveries.claim(subscription, 10, "node-a", now, now.plusSeconds(10));
        List<DeliveryRepository.Claimed> meanwhile = deliveries.claim(subscription, 10, "node-b", now,
                now.plusSeconds(10));
        List<DeliveryRepository.Claimed> afterTheLease = deliveries.claim(subscription, 10, "node-b",
                now.plusSeconds(11), now.plusSeconds(21));

        assertThat(first).extracting(DeliveryRepository.Claimed::eventId).containsExactly(initiated.id());
        assertThat(meanwhile).isEmpty();
        assertThat(afterTheLease).extracting(DeliveryRepository.Claimed::eventId).containsExactly(initiated.id());
        assertThat(new String(afterTheLease.get(0).body())).contains("\"specversion\":\"1.0\"", returnId);
    }

    @Test
    void nodes_claiming_at_the_same_moment_share_the_deliveries_and_never_get_the_same_one() {
        String subscription = switchedOffSubscription();
        for (int i = 0; i < 40; i++) {
            CanonicalEvent initiated = initiated("R-" + UUID.randomUUID());
            deliveries.record(initiated, CLOUD_EVENTS.writeBytes(initiated), List.of(subscription));
        }
        Instant now = Instant.now().plusSeconds(1);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<DeliveryRepository.Claimed>>> nodes = new ArrayList<>();
        for (String node : List.of("node-a", "node-b", "node-c")) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return deliveries.claim(subscription, 25, node, now, now.plusSeconds(10));
            }));
        }
        start.countDown();

        List<Long> claimed = nodes.stream().flatMap(node -> node.join().stream())
                .map(DeliveryRepository.Claimed::deliveryId).toList();
        assertThat(claimed).doesNotHaveDuplicates().hasSize(40);
    }

    @Test
    void deliveries_delivered_before_the_retention_are_purged_and_pending_ones_stay() {
        String subscription = switchedOffSubscription();
        CanonicalEvent old = initiated("R-" + UUID.randomUUID());
        CanonicalEvent waiting = initiated("R-" + UUID.randomUUID());
        deliveries.record(old, CLOUD_EVENTS.writeBytes(old), List.of(subscription));
        deliveries.record(waiting, CLOUD_EVENTS.writeBytes(waiting), List.of(subscription));
        long oldDelivery = jdbc.queryForObject("select delivery_id from webhook_delivery where event_id = ?",
                Long.class, old.id());
        deliveries.delivered(oldDelivery, 200, Instant.parse("2026-01-02T00:00:00Z"));

        deliveries.purgeDeliveredBefore(Instant.parse("2026-02-01T00:00:00Z"), 1_000);
        deliveries.purgeUnreferencedEvents(1_000);

        assertThat(jdbc.queryForList("select event_id from webhook_delivery where subscription_id = ?", String.class,
                subscription)).containsExactly(waiting.id());
        assertThat(jdbc.queryForList("select event_id from webhook_event where event_id in (?, ?)", String.class,
                old.id(), waiting.id())).containsExactly(waiting.id());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String switchedOffSubscription() {
        String id = UUID.randomUUID().toString();
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        subscriptions.insert(id, "https://localhost/outbox-test", List.of(INITIATED, RECEIVED), null, new byte[32],
                created);
        subscriptions.changeState(id, SubscriptionState.DISABLED, "test", created);
        return id;
    }

    private static CanonicalEvent initiated(String returnId) {
        return new CanonicalEvent(UUID.randomUUID().toString(), INITIATED, returnId, Instant.now(), 0,
                new ReturnInitiatedV1(returnId, "ORD-1", "CUST-1", "WEB", null, "ORIGINAL_TENDER", "EUR",
                        Instant.parse("2026-01-05T10:00:00Z"), List.of()));
    }

    private static CanonicalEvent received(String returnId) {
        return new CanonicalEvent(UUID.randomUUID().toString(), RECEIVED, returnId, Instant.now(), 4,
                new ReturnReceivedV1(returnId, "RCPT-1", "DC-EAST", List.of(), List.of()));
    }
}
