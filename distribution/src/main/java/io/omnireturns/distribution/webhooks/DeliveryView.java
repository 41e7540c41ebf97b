package io.omnireturns.distribution.webhooks;

import java.time.Instant;

/**
 * One delivery of one event to one subscription, as the delivery log and the dead-letter list show it.
 *
 * @param lastStatus the HTTP status of the last attempt, none if it got no answer (then {@code lastError} says why)
 */
public record DeliveryView(long deliveryId, String subscriptionId, String eventId, String eventType, String returnId,
                           long sequence, DeliveryState state, int attempts, Instant recordedAt, Instant nextAttemptAt,
                           Instant lastAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt,
                           Instant deadAt) {
}
