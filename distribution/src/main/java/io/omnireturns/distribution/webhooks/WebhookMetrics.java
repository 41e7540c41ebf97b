package io.omnireturns.distribution.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhooks' meters: failed attempts and deliveries per subscription (counters, tag {@code subscription}), and
 * the deliveries pending and dead letters of all subscriptions (gauges, counted in the database every
 * {@code omnireturns.webhooks.delivery.metrics-refresh} by the dispatcher).
 */
class WebhookMetrics {

    static final String FAILURES = "omnireturns.webhooks.delivery.failures";
    static final String DELIVERED = "omnireturns.webhooks.delivered";
    static final String PENDING = "omnireturns.webhooks.deliveries.pending";
    static final String DEAD_LETTERS = "omnireturns.webhooks.dead.letters";

    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    WebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder(PENDING, pending, AtomicLong::get)
                .description("Webhook deliveries waiting to be sent (retries included)").register(meters);
        Gauge.builder(DEAD_LETTERS, deadLetters, AtomicLong::get)
                .description("Webhook deliveries that exhausted their attempts, waiting for operations").register(meters);
    }

    void failed(String subscriptionId) {
        Counter.builder(FAILURES).description("Failed webhook delivery attempts, by subscription")
                .tag("subscription", subscriptionId).register(meters).increment();
    }

    void delivered(String subscriptionId) {
        Counter.builder(DELIVERED).description("Webhook deliveries the subscriber accepted, by subscription")
                .tag("subscription", subscriptionId).register(meters).increment();
    }

    void counted(Map<DeliveryState, Long> counts) {
        pending.set(counts.getOrDefault(DeliveryState.PENDING, 0L));
        deadLetters.set(counts.getOrDefault(DeliveryState.DEAD, 0L));
    }
}
