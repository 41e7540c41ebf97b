package io.omnireturns.query.analytics;

import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalEventTranslator;
import io.omnireturns.api.integration.ReturnInitiatedV1;
import io.omnireturns.api.returns.event.ReturnRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The returns-analytics feed, built from the public event contract rather than the internal events: each internal
 * event goes through the same {@link CanonicalEventTranslator} as the Kafka topic and the webhooks, and every
 * {@code io.omnireturns.return.initiated.v1} records its lines, dated by the day the return was asked for
 * ({@link ReturnsAnalytics} aggregates them by day). Only the request carries what the feed counts (the lines, their
 * reasons, SKUs, categories, prices and ordered quantities); redelivered and replayed events change nothing.
 */
@Component
@ProcessingGroup(ReturnsAnalyticsProjection.PROCESSING_GROUP)
public class ReturnsAnalyticsProjection {

    public static final String PROCESSING_GROUP = "returns-analytics";

    private final CanonicalEventTranslator translator = new CanonicalEventTranslator();
    private final ReturnsAnalyticsRepository repository;

    public ReturnsAnalyticsProjection(ReturnsAnalyticsRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ReturnRequested event, EventMessage<?> message, @SequenceNumber long sequence) {
        for (CanonicalEvent canonical : translator.translate(message.getIdentifier(), sequence,
                message.getTimestamp(), event)) {
            if (canonical.data() instanceof ReturnInitiatedV1 initiated) {
                repository.recordInitiated(initiated, canonical.time());
            }
        }
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
