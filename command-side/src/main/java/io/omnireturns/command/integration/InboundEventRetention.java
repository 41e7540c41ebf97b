package io.omnireturns.command.integration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the inbound log from growing for ever: applied and rejected messages go once they were decided longer than
 * {@code omnireturns.integrations.log-retention} ago. Parked and in-flight messages stay, whatever their age: they
 * still have to be applied. Runs as a db-scheduler recurring task (one node at a time, see
 * {@link IntegrationConfiguration}); each batch is its own short statement, and a second purge at the same moment
 * skips the rows the first one holds.
 */
@Component
public class InboundEventRetention {

    static final int BATCH_SIZE = 1_000;
    /** Bounds one run; whatever is left goes on the next run. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private static final Logger log = LoggerFactory.getLogger(InboundEventRetention.class);

    private final InboundEventLog events;
    private final IntegrationProperties properties;
    private final Clock clock;

    public InboundEventRetention(InboundEventLog events, IntegrationProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Answers how many messages were deleted. */
    public int purge() {
        Instant cutoff = clock.instant().minus(properties.logRetention());
        int purged = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = events.purgeDecidedBefore(cutoff, BATCH_SIZE);
            purged += deleted;
            if (deleted < BATCH_SIZE) {
                break;
            }
        }
        if (purged > 0) {
            log.info("Purged {} inbound webhook message(s) decided before {}", purged, cutoff);
        }
        return purged;
    }
}
