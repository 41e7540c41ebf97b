package io.omnireturns.distribution.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The active subscriptions as one batch of events reads them, once, in the batch's transaction (instead of a query
 * per event): which of them an event goes to.
 */
record ActiveSubscriptions(List<Active> subscriptions) {

    ActiveSubscriptions {
        subscriptions = List.copyOf(subscriptions);
    }

    /** The subscriptions to {@code eventType} that existed when the event happened. */
    List<String> subscribersOf(String eventType, Instant occurredAt) {
        return subscriptions.stream()
                .filter(active -> active.eventTypes().contains(eventType) && !active.createdAt().isAfter(occurredAt))
                .map(Active::subscriptionId)
                .toList();
    }

    record Active(String subscriptionId, Set<String> eventTypes, Instant createdAt) {
    }
}
