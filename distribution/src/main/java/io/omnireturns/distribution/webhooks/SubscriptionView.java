package io.omnireturns.distribution.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as the API answers it. Its secret is never part of it.
 *
 * @param previousSecretValidUntil after a rotation, until when deliveries are also signed with the previous secret
 */
public record SubscriptionView(String subscriptionId, String url, List<String> eventTypes, String description,
                               SubscriptionState state, String stateReason, Instant createdAt, Instant updatedAt,
                               Instant previousSecretValidUntil) {
}
