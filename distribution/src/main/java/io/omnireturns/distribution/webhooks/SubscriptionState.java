package io.omnireturns.distribution.webhooks;

/** Whether a subscription is sent deliveries. */
public enum SubscriptionState {
    /** Events are recorded and delivered. */
    ACTIVE,
    /** Switched off (the subscriber answered 410 Gone, or operations did): nothing recorded or sent until activated. */
    DISABLED
}
