package io.omnireturns.distribution.kafka;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Health component {@code kafkaPublisher}: DOWN when the publisher is behind the head of the event store and has not
 * published a batch for {@code omnireturns.kafka.stuck-after} (a broker that does not answer, a record it refuses),
 * OUT_OF_SERVICE when its processor is not running, UP otherwise. Also the gauge {@value #LAG}.
 */
public class PublisherHealthIndicator implements HealthIndicator {

    public static final String LAG = "omnireturns.kafka.publish.lag";

    private final EventProcessingConfiguration processing;
    private final PublisherLag lag;
    private final PublisherProgress progress;
    private final KafkaPublishingProperties properties;
    private final Clock clock;

    PublisherHealthIndicator(EventProcessingConfiguration processing, PublisherLag lag, PublisherProgress progress,
                             KafkaPublishingProperties properties, Clock clock) {
        this.processing = processing;
        this.lag = lag;
        this.progress = progress;
        this.properties = properties;
        this.clock = clock;
    }

    /** Events of the store the publisher has not published yet (its slowest segment); NaN when unknown. */
    public double lag() {
        try {
            long events = lag.read().lag();
            return events < 0 ? Double.NaN : events;
        } catch (RuntimeException databaseUnavailable) {
            return Double.NaN;
        }
    }

    @Override
    public Health health() {
        Optional<StreamingEventProcessor> processor = processor();
        if (processor.isEmpty() || !processor.get().isRunning()) {
            return Health.outOfService().withDetail("topic", properties.topic()).withDetail("running", false).build();
        }
        Map<String, Object> details = new TreeMap<>();
        details.put("topic", properties.topic());
        details.put("running", true);
        details.put("lastPublishedHere", progress.lastAdvance().toString());
        details.put("failedBatchesHere", (long) progress.failures());
        processor.get().processingStatus().forEach((segment, status) -> {
            if (status.isErrorState()) {
                details.put("segment" + segment + "Error", String.valueOf(status.getError()));
            }
        });
        PublisherLag.Reading reading;
        try {
            reading = lag.read();
        } catch (RuntimeException e) {
            details.put("lagEvents", "unknown: " + e.getClass().getSimpleName());
            return Health.unknown().withDetails(details).build();
        }
        if (reading.lag() < 0) {
            details.put("lagEvents", "unknown: no token yet");
            return Health.up().withDetails(details).build();
        }
        details.put("lagEvents", reading.lag());
        details.put("position", reading.position());
        details.put("positionSince", reading.positionSince().toString());
        Duration still = Duration.between(reading.positionSince(), clock.instant());
        if (reading.lag() > 0 && still.compareTo(properties.stuckAfter()) > 0) {
            details.put("stuck", "behind by " + reading.lag() + " events, at position " + reading.position()
                    + " for " + still.toSeconds() + " s (omnireturns.kafka.stuck-after " + properties.stuckAfter()
                    + ")");
            return Health.down().withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }

    private Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class);
    }
}
