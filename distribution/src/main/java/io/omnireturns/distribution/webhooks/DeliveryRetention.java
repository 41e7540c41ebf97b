package io.omnireturns.distribution.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the delivery log from growing for ever: deliveries delivered longer than
 * {@code omnireturns.webhooks.log-retention} ago go, then the stored events no delivery refers to any more. Pending
 * deliveries and dead letters stay, whatever their age. Runs as a db-scheduler recurring task (one node at a time);
 * each batch is its own short statement.
 */
class DeliveryRetention {

    static final int BATCH_SIZE = 1_000;
    /** Bounds one run; whatever is left goes on the next run. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

    private final DeliveryRepository deliveries;
    private final WebhookProperties properties;
    private final Clock clock;

    DeliveryRetention(DeliveryRepository deliveries, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    /** Answers how many deliveries were deleted. */
    int purge() {
        Instant cutoff = clock.instant().minus(properties.logRetention());
        int purged = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = deliveries.purgeDeliveredBefore(cutoff, BATCH_SIZE);
            purged += deleted;
            if (deleted < BATCH_SIZE) {
                break;
            }
        }
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            if (deliveries.purgeUnreferencedEvents(BATCH_SIZE) < BATCH_SIZE) {
                break;
            }
        }
        if (purged > 0) {
            log.info("Purged {} webhook deliveries delivered before {}", purged, cutoff);
        }
        return purged;
    }
}
