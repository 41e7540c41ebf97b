package io.omnireturns.distribution.kafka;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorCode;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalEventTranslator;
import io.omnireturns.platform.concurrent.DaemonThreads;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Re-publishing from a point in time, for a consumer that lost data: reads the event store from the first event
 * stored at or after an instant up to the head as it was at the start, and sends each canonical event again, with
 * its id and key, to the live topic or another. One at a time per node, in the background; its progress stays in
 * memory (the last {@value #KEPT}), so a node that stops ends it: start it again (consumers de-duplicate on the id).
 * It uses a producer of its own: the live publisher carries on beside it.
 */
public class Republications implements AutoCloseable {

    static final int KEPT = 20;
    private static final int ACKNOWLEDGE_EVERY = 500;
    private static final Duration STORE_PATIENCE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Republications.class);

    private final EventStore eventStore;
    private final CanonicalEventTranslator translator;
    private final Supplier<CanonicalEventProducer> producers;
    private final KafkaPublishingProperties properties;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(DaemonThreads.named("kafka-republish"));
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private volatile boolean closing;

    public Republications(EventStore eventStore, CanonicalEventTranslator translator,
                          Supplier<CanonicalEventProducer> producers, KafkaPublishingProperties properties,
                          Clock clock) {
        this.eventStore = eventStore;
        this.translator = translator;
        this.producers = producers;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts one; refuses an instant in the future, a bad topic name, or a second while one runs. */
    public synchronized RepublicationStatus start(Instant from, String topic, String requestedBy) {
        String target = topic == null || topic.isBlank() ? properties.topic() : topic;
        if (!Topics.isValid(target)) {
            throw new DomainException(ErrorKind.INVALID_INPUT, ErrorCode.INVALID_TOPIC.name(),
                    Topics.RULE + "; '" + target + "' is not one");
        }
        Instant now = clock.instant();
        if (from.isAfter(now)) {
            throw new DomainException(ErrorKind.INVALID_INPUT, ErrorCode.INVALID_TIME_RANGE.name(),
                    "from " + from + " is in the future (now " + now + "): nothing was stored after it yet");
        }
        Optional<Run> running = runs.values().stream().filter(run -> run.finishedAt == null).findFirst();
        if (running.isPresent()) {
            throw new DomainException(ErrorKind.ILLEGAL_STATE, ErrorCode.REPUBLICATION_IN_PROGRESS.name(),
                    "re-publication " + running.get().id + " is still running; follow it at "
                            + "/api/v1/admin/kafka/republications/" + running.get().id);
        }
        TrackingToken head = eventStore.createHeadToken();
        long upTo = head == null ? -1 : head.position().orElse(-1);
        Run run = new Run(UUID.randomUUID().toString(), target, from, requestedBy, now, upTo);
        runs.put(run.id, run);
        while (runs.size() > KEPT) {
            runs.remove(runs.keySet().iterator().next());
        }
        runner.execute(() -> execute(run));
        log.info("Re-publication {} of events from {} to topic {} started by {}", run.id, from, target, requestedBy);
        return run.status();
    }

    public synchronized Optional<RepublicationStatus> find(String id) {
        return Optional.ofNullable(runs.get(id)).map(Run::status);
    }

    /** The last ones of this node, newest first. */
    public synchronized List<RepublicationStatus> list() {
        List<RepublicationStatus> all = new ArrayList<>(runs.values().stream().map(Run::status).toList());
        java.util.Collections.reverse(all);
        return all;
    }

    private void execute(Run run) {
        try (CanonicalEventProducer producer = producers.get()) {
            if (run.upToPosition >= 0) {
                send(run, producer);
            }
            finish(run, null);
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Re-publication {} failed at position {}", run.id, run.position, e);
            finish(run, String.valueOf(e.getMessage() == null ? e : e.getMessage()));
        }
    }

    private void send(Run run, CanonicalEventProducer producer) throws InterruptedException {
        Duration wait = properties.deliveryTimeout().plus(properties.maxBlock());
        TrackingToken start = eventStore.createTokenAt(run.from);
        long startPosition = start == null ? -1 : start.position().orElse(-1);
        if (startPosition >= run.upToPosition) {
            return;
        }
        CanonicalEventProducer.Batch batch = producer.batch();
        Instant lastRead = clock.instant();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while (!closing && (run.position == null || run.position < run.upToPosition)) {
                if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    if (Duration.between(lastRead, clock.instant()).compareTo(STORE_PATIENCE) > 0) {
                        throw new IllegalStateException("the event store gave no event for " + STORE_PATIENCE
                                + " before position " + run.upToPosition);
                    }
                    continue;
                }
                lastRead = clock.instant();
                TrackedEventMessage<?> event = stream.nextAvailable();
                long position = event.trackingToken().position().orElse(Long.MAX_VALUE);
                if (position > run.upToPosition) {
                    break;
                }
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    for (CanonicalEvent canonical : translator.translate(event.getIdentifier(),
                            domainEvent.getSequenceNumber(), event.getTimestamp(), event.getPayload())) {
                        batch.send(run.topic, canonical);
                    }
                }
                synchronized (this) {
                    run.eventsRead++;
                    run.position = position;
                }
                if (batch.sent() - run.eventsPublished >= ACKNOWLEDGE_EVERY) {
                    acknowledge(run, batch, wait);
                }
            }
            acknowledge(run, batch, wait);
        }
        if (closing) {
            throw new IllegalStateException("the node shut down before it finished");
        }
    }

    private void acknowledge(Run run, CanonicalEventProducer.Batch batch, Duration wait) {
        batch.acknowledge(wait);
        synchronized (this) {
            run.eventsPublished = batch.sent();
        }
    }

    private synchronized void finish(Run run, String error) {
        run.error = error;
        run.finishedAt = clock.instant();
        log.info("Re-publication {} {}: {} events read, {} canonical events published", run.id,
                error == null ? "completed" : "failed", run.eventsRead, run.eventsPublished);
    }

    @Override
    public void close() {
        closing = true;
        runner.shutdownNow();
    }

    /** One run's mutable progress, read under the service's lock. */
    private static final class Run {
        final String id;
        final String topic;
        final Instant from;
        final String requestedBy;
        final Instant startedAt;
        final long upToPosition;
        Long position;
        long eventsRead;
        long eventsPublished;
        Instant finishedAt;
        String error;

        Run(String id, String topic, Instant from, String requestedBy, Instant startedAt, long upToPosition) {
            this.id = id;
            this.topic = topic;
            this.from = from;
            this.requestedBy = requestedBy;
            this.startedAt = startedAt;
            this.upToPosition = upToPosition;
        }

        RepublicationStatus status() {
            String state = finishedAt == null ? RepublicationStatus.RUNNING
                    : error == null ? RepublicationStatus.COMPLETED : RepublicationStatus.FAILED;
            return new RepublicationStatus(id, state, topic, from, requestedBy, startedAt, finishedAt, upToPosition,
                    position, eventsRead, eventsPublished, error);
        }
    }
}
