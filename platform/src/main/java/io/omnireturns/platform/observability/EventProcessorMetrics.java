package io.omnireturns.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.platform.database.outage.DatabaseAvailability;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Gauges per event processor beside Axon's own handler metrics: how many events it is behind the head of the event
 * store ({@code omnireturns.processor.lag}, the slowest segment this instance holds), how many events wait in its
 * dead-letter queue ({@code omnireturns.processor.deadletters}), whether it runs and how many segments it claims.
 * The head and the dead-letter counts are read at most once a second, however often the gauges are scraped.
 */
public class EventProcessorMetrics implements ApplicationListener<ApplicationStartedEvent> {

    public static final String LAG = "omnireturns.processor.lag";
    public static final String DEAD_LETTERS = "omnireturns.processor.deadletters";
    public static final String RUNNING = "omnireturns.processor.running";
    public static final String SEGMENTS_CLAIMED = "omnireturns.processor.segments.claimed";

    private static final Duration CACHE = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final DatabaseAvailability database;
    private final Clock clock = Clock.systemUTC();

    private volatile Cached<Long> head = new Cached<>(Instant.MIN, -1L);
    private volatile Cached<Map<String, Long>> deadLetters = new Cached<>(Instant.MIN, Map.of());
    private final Map<String, Cached<Set<Integer>>> claimable = new ConcurrentHashMap<>();

    public EventProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                            MeterRegistry registry) {
        this(processing, eventStore, jdbc, registry, null);
    }

    /** With the outage probe: while the database is unreachable the gauges read nothing from it (NaN), at once. */
    public EventProcessorMetrics(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                            MeterRegistry registry, DatabaseAvailability database) {
        this.database = database;
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** Processors exist once Axon has started; the gauges are registered then. */
    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        processing.eventProcessors().forEach((name, processor) -> {
            Gauge.builder(RUNNING, processor, p -> p.isRunning() ? 1 : 0)
                    .description("1 while the event processor runs").tag("processor", name).register(registry);
            Gauge.builder(DEAD_LETTERS, this, metrics -> metrics.deadLetters(name))
                    .description("events waiting in the processor's dead-letter queue")
                    .tag("processor", name).register(registry);
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(LAG, streaming, this::lag)
                        .description("events between the head of the event store and the slowest claimed segment")
                        .tag("processor", name).baseUnit("events").register(registry);
                Gauge.builder(SEGMENTS_CLAIMED, streaming, p -> ownSegments(p).size())
                        .description("segments this instance processes").tag("processor", name).register(registry);
            }
        });
    }

    /** Events behind the head for the slowest segment this instance claims; NaN when it claims none. */
    public double lag(StreamingEventProcessor processor) {
        if (databaseUnavailable()) {
            return Double.NaN;
        }
        Map<Integer, EventTrackerStatus> own = ownSegments(processor);
        OptionalLong slowest = own.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        if (own.isEmpty()) {
            return Double.NaN;
        }
        long headPosition = headPosition();
        return Math.max(0, headPosition - slowest.orElse(-1L));
    }

    /** Dead-lettered events of one processing group (the processors here are named after their group). */
    public double deadLetters(String processingGroup) {
        if (databaseUnavailable()) {
            return Double.NaN;
        }
        Cached<Map<String, Long>> current = deadLetters;
        if (current.isOlderThan(clock.instant().minus(CACHE))) {
            Map<String, Long> counts = new HashMap<>();
            jdbc.query("SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup",
                    row -> {
                        counts.put(row.getString(1), row.getLong(2));
                    });
            current = new Cached<>(clock.instant(), Map.copyOf(counts));
            deadLetters = current;
        }
        return current.value().getOrDefault(processingGroup, 0L);
    }

    /**
     * The segments of Axon's processing status that the token store lets this instance hold: Axon keeps the last
     * status of a segment another instance took over (after a database outage, say), which would otherwise count as
     * claimed here and hold the lag at that old position for ever.
     */
    Map<Integer, EventTrackerStatus> ownSegments(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        if (local.isEmpty() || databaseUnavailable()) {
            return local;
        }
        Set<Integer> mayHold = claimableSegments(processor.getName());
        if (mayHold == null || mayHold.containsAll(local.keySet())) {
            return local;
        }
        Map<Integer, EventTrackerStatus> own = new HashMap<>(local);
        own.keySet().retainAll(mayHold);
        return own;
    }

    /**
     * The segments the token store lets this instance hold or claim, read at most once a second per processor (the
     * gauges and every health call share it); null when the processor has no token store.
     */
    Set<Integer> claimableSegments(String processorName) {
        Cached<Set<Integer>> current = claimable.get(processorName);
        if (current == null || current.isOlderThan(clock.instant().minus(CACHE))) {
            TokenStore tokenStore;
            try {
                tokenStore = processing.tokenStore(processorName);
            } catch (RuntimeException noTokenStore) {
                return null;
            }
            current = new Cached<>(clock.instant(), tokenStore.fetchAvailableSegments(processorName).stream()
                    .map(Segment::getSegmentId)
                    .collect(Collectors.toUnmodifiableSet()));
            claimable.put(processorName, current);
        }
        return current.value();
    }

    private boolean databaseUnavailable() {
        return database != null && !database.available();
    }

    private long headPosition() {
        Cached<Long> current = head;
        if (current.isOlderThan(clock.instant().minus(CACHE))) {
            TrackingToken token = eventStore.createHeadToken();
            long position = token == null ? -1L : token.position().orElse(-1L);
            current = new Cached<>(clock.instant(), position);
            head = current;
        }
        return current.value();
    }

    private record Cached<T>(Instant at, T value) {
        boolean isOlderThan(Instant instant) {
            return at.isBefore(instant);
        }
    }
}
