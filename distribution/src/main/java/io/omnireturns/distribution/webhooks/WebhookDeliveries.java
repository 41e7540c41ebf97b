package io.omnireturns.distribution.webhooks;

import org.springframework.stereotype.Service;

import java.time.Clock;

/** What operations read and do about deliveries: the delivery log, the dead letters, redelivery. */
@Service
public class WebhookDeliveries {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    WebhookDeliveries(DeliveryRepository deliveries, SubscriptionRepository subscriptions, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    public DeliveryPage log(String subscriptionId, int page, int size) {
        if (subscriptions.find(subscriptionId).isEmpty()) {
            throw WebhookErrors.subscriptionNotFound(subscriptionId);
        }
        return deliveries.log(subscriptionId, page, size);
    }

    public DeliveryPage deadLetters(String subscriptionId, int page, int size) {
        return deliveries.deadLetters(subscriptionId, page, size);
    }

    public DeliveryView redeliver(long deliveryId) {
        if (!deliveries.redeliver(deliveryId, clock.instant())) {
            throw WebhookErrors.deadLetterNotFound(deliveryId);
        }
        return deliveries.get(deliveryId);
    }
}
