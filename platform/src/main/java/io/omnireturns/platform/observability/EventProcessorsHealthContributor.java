package io.omnireturns.platform.observability;

import io.omnireturns.platform.cluster.SegmentBalancer;
import io.omnireturns.platform.database.outage.DatabaseAvailability;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One health component per event processor: OUT_OF_SERVICE when it is not running (shut down, or not started
 * yet), DOWN when it is in error (a failing batch it keeps retrying, a segment stuck on an error) or the database
 * is unreachable, UP otherwise. Details (segments, positions, errors) are for operations only; see
 * {@code management.endpoint.health.show-details}.
 * <p>
 * Only segments this node holds or may claim count: Axon keeps a status (often an error from an outage) for a
 * segment another node has taken over meanwhile, and keeps its coordinator's error flag raised while it has no
 * segment to process. The token store says which segments those are, so they are listed, not held against this node.
 */
public class EventProcessorsHealthContributor implements CompositeHealthContributor {

    private final EventProcessingConfiguration processing;
    private final EventProcessorMetrics metrics;
    private final DatabaseAvailability database;
    private final SegmentBalancer balancer;

    public EventProcessorsHealthContributor(EventProcessingConfiguration processing, EventProcessorMetrics metrics,
                                            DatabaseAvailability database) {
        this(processing, metrics, database, null);
    }

    /** With the balancer: each processor's details also say which node holds which segment, and this node's share. */
    public EventProcessorsHealthContributor(EventProcessingConfiguration processing, EventProcessorMetrics metrics,
                                            DatabaseAvailability database, SegmentBalancer balancer) {
        this.processing = processing;
        this.metrics = metrics;
        this.database = database;
        this.balancer = balancer;
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

    /**
     * The claimable segments come from the metrics' one-second cache: a health call per second per processor would
     * otherwise ask the token store each time, and while a silent database is not yet noticed, each would wait on
     * the pool.
     */
    private HealthIndicator indicator(EventProcessor processor) {
        if (metrics == null) {
            return () -> withOwnership(processor, health(processor, null, database, tokenStore(processor)));
        }
        return () -> withOwnership(processor,
                health(processor, metrics, database, () -> metrics.claimableSegments(processor.getName())));
    }

    /** The balancer's last reading, no query of its own: this node's id and share, and the segments of each node. */
    private Health withOwnership(EventProcessor processor, Health health) {
        if (balancer == null || !(processor instanceof StreamingEventProcessor)) {
            return health;
        }
        Map<String, Object> details = new TreeMap<>(health.getDetails());
        details.put("node", balancer.nodeId());
        details.put("segmentsByNode", balancer.segmentsByNode(processor.getName()));
        int share = balancer.maxSegments(processor.getName());
        if (share < Short.MAX_VALUE) {
            details.put("maxSegmentsHere", share);
        }
        return Health.status(health.getStatus()).withDetails(details).build();
    }

    private TokenStore tokenStore(EventProcessor processor) {
        try {
            return processing.tokenStore(processor.getName());
        } catch (RuntimeException noTokenStore) {
            return null;
        }
    }

    static Health health(EventProcessor processor, EventProcessorMetrics metrics) {
        return health(processor, metrics, null, (TokenStore) null);
    }

    static Health health(EventProcessor processor, EventProcessorMetrics metrics, DatabaseAvailability database,
                         TokenStore tokenStore) {
        return health(processor, metrics, database, () -> claimableSegments(processor, tokenStore));
    }

    /** {@code claimableSegments} is asked only when the database is available; it may answer null (no token store). */
    static Health health(EventProcessor processor, EventProcessorMetrics metrics, DatabaseAvailability database,
                         Supplier<Set<Integer>> claimableSegments) {
        if (!processor.isRunning()) {
            return Health.outOfService().withDetail("running", false).build();
        }
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return Health.up().withDetail("running", true).build();
        }
        if (database != null && !database.available()) {
            return Health.down().withDetail("running", true).withDetail("error", true)
                    .withDetail("database", "unavailable").build();
        }
        Set<Integer> claimable;
        try {
            claimable = claimableSegments.get();
        } catch (RuntimeException e) {
            return Health.down().withDetail("running", true).withDetail("error", true)
                    .withDetail("tokenStore", String.valueOf(e)).build();
        }
        Map<Integer, EventTrackerStatus> segments = new TreeMap<>();
        Set<Integer> elsewhere = new TreeSet<>();
        streaming.processingStatus().forEach((segment, status) -> {
            if (claimable == null || claimable.contains(segment)) {
                segments.put(segment, status);
            } else {
                elsewhere.add(segment);
            }
        });
        // with no segment to hold or claim, Axon's coordinator keeps its error flag from the last failure
        boolean coordinatorError = streaming.isError() && (claimable == null || !claimable.isEmpty());
        Health.Builder health = coordinatorError ? Health.down() : Health.up();
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
                .withDetail("error", coordinatorError)
                .withDetail("segmentsClaimed", segments.size())
                .withDetail("segments", bySegment);
        if (!elsewhere.isEmpty()) {
            health.withDetail("segmentsTakenOverElsewhere", elsewhere);
        }
        try {
            double lag = metrics == null ? Double.NaN : metrics.lag(streaming);
            if (!Double.isNaN(lag)) {
                health.withDetail("lagEvents", (long) lag);
            }
        } catch (RuntimeException lagUnknown) {
            health.withDetail("lagEvents", "unknown: " + lagUnknown.getClass().getSimpleName());
        }
        return health.build();
    }

    /** Segments unclaimed, claimed by this node, or whose claim has expired; null when there is no token store. */
    private static Set<Integer> claimableSegments(EventProcessor processor, TokenStore tokenStore) {
        if (tokenStore == null) {
            return null;
        }
        return tokenStore.fetchAvailableSegments(processor.getName()).stream()
                .map(Segment::getSegmentId)
                .collect(Collectors.toSet());
    }
}
