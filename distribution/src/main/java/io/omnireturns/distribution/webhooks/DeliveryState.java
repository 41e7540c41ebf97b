package io.omnireturns.distribution.webhooks;

/** Where a delivery stands. */
public enum DeliveryState {
    /** To be sent (or sent again after a failure, at {@code nextAttemptAt}). */
    PENDING,
    /** The subscriber answered 2xx. */
    DELIVERED,
    /**
     * Every attempt failed: a dead letter, sent again only when operations redeliver it. Until then the later
     * deliveries of the same return to the same subscription wait, so the subscriber never sees them out of order.
     */
    DEAD
}
