package io.omnireturns.command.integration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries parked messages whose return has moved on through another path (the REST API, the saga) since they
 * were refused. Every node sweeps; a message is claimed before it is applied, so only one node applies it.
 */
@Component
public class ParkedEventSweep {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventSweep.class);

    private final InboundEvents events;

    public ParkedEventSweep(InboundEvents events) {
        this.events = events;
    }

    /** The interval is {@code omnireturns.integrations.sweep-interval} (see {@link IntegrationProperties}). */
    @Scheduled(initialDelayString = "${omnireturns.integrations.sweep-interval:30s}",
            fixedDelayString = "${omnireturns.integrations.sweep-interval:30s}")
    public void sweep() {
        int returns = events.sweep();
        if (returns > 0) {
            log.info("Sweep retried the waiting inbound messages of {} return(s)", returns);
        }
    }
}
