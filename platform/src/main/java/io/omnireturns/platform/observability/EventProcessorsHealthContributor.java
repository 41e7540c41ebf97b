package io.omnireturns.platform.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One health component per event processor: OUT_OF_SERVICE when it is not running (shut down, or not started
 * yet), DOWN when it is in error (a failing batch it keeps retrying, a segment stuck on an error), UP otherwise.
 * Details (segments, positions, errors) are for operations only; see {@code management.endpoint.health.show-details}.
 */
public class EventProcessorsHealthContributor implements CompositeHealthContributor {

    private final EventProcessingConfiguration processing;
    private final EventProcessorMetrics metrics;

    public EventProcessorsHealthContributor(EventProcessingConfiguration processing, EventProcessorMetrics metrics) {
        this.processing = processing;
        this.metrics = metrics;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return processing.eventProcessor(name).map(this::indicator).orElse(null);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        Map<String, HealthContributor> indicators = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> indicators.put(name, indicator(processor)));
        return indicators.entrySet().stream()
                .map(entry -> NamedContributor.of(entry.getKey(), entry.getValue()))
                .iterator();
    }

    private HealthIndicator indicator(EventProcessor processor) {
        return () -> health(processor, metrics);
    }

    static Health health(EventProcessor processor, EventProcessorMetrics metrics) {
        if (!processor.isRunning()) {
            return Health.outOfService().withDetail("running", false).build();
        }
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return Health.up().withDetail("running", true).build();
        }
        Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
        Health.Builder health = streaming.isError() ? Health.down() : Health.up();
        Map<String, Object> bySegment = new TreeMap<>();
        segments.forEach((segment, status) -> {
            Map<String, Object> detail = new TreeMap<>();
            status.getCurrentPosition().ifPresent(position -> detail.put("position", position));
            detail.put("replaying", status.isReplaying());
            if (status.isErrorState()) {
                health.down();
                detail.put("error", String.valueOf(status.getError()));
            }
            bySegment.put(String.valueOf(segment), detail);
        });
        health.withDetail("running", true)
                .withDetail("error", streaming.isError())
                .withDetail("segmentsClaimed", segments.size())
                .withDetail("segments", bySegment);
        double lag = metrics == null ? Double.NaN : metrics.lag(streaming);
        if (!Double.isNaN(lag)) {
            health.withDetail("lagEvents", (long) lag);
        }
        return health.build();
    }
}
