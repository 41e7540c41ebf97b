package io.omnireturns.query.admin;

import io.omnireturns.query.audit.EventStoreReader;
import io.omnireturns.query.audit.StoredEvent;
import io.omnireturns.query.audit.StoredEventDecoder;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The event store walked return by return, for whatever rebuilds the status view beside the live one (its
 * verification, its rebuild into a shadow table): the returns in the order they were requested, found by walking the
 * global index in spans of {@code omnireturns.admin.verification-window}, then their events a batch of
 * {@code verification-batch-size} returns at a time through the (aggregate, sequence number) key. Every statement is
 * bounded by an index whatever plan the database picks, no transaction stays open between statements, and memory
 * holds one batch of returns, however large the store.
 */
@Component
class ReturnHistories {

    /** Takes one batch of returns. */
    @FunctionalInterface
    interface BatchHandler {
        void handle(List<String> returnIds);
    }

    /** What a batch of returns rebuilt from their events gave. */
    record Rebuilt(List<RebuiltReturn> returns, long eventsRead) {
    }

    private final EventStoreReader events;
    private final StoredEventDecoder decoder;
    private final AdminProperties properties;

    ReturnHistories(EventStoreReader events, StoredEventDecoder decoder, AdminProperties properties) {
        this.events = events;
        this.decoder = decoder;
        this.properties = properties;
    }

    /**
     * Hands the returns whose first event has a global index in {@code (afterGlobalIndex, throughGlobalIndex]} to
     * {@code handler} in request order, a batch at a time.
     */
    void walkReturns(long afterGlobalIndex, long throughGlobalIndex, BatchHandler handler) {
        int batchSize = properties.verificationBatchSize();
        List<String> waiting = new ArrayList<>();
        long after = afterGlobalIndex;
        while (after < throughGlobalIndex) {
            long through = Math.min(throughGlobalIndex, after + properties.verificationWindow());
            waiting.addAll(events.returnsStartedBetween(after, through));
            after = through;
            boolean allFound = after >= throughGlobalIndex;
            while (waiting.size() >= batchSize || (allFound && !waiting.isEmpty())) {
                List<String> batch = waiting.subList(0, Math.min(waiting.size(), batchSize));
                handler.handle(List.copyOf(batch));
                batch.clear();
            }
        }
    }

    /**
     * Hands the returns with any event whose global index is in {@code (afterGlobalIndex, throughGlobalIndex]} to
     * {@code handler}, a batch at a time (a return with events in several spans comes once per span).
     */
    void walkChangedReturns(long afterGlobalIndex, long throughGlobalIndex, BatchHandler handler) {
        int batchSize = properties.verificationBatchSize();
        long after = afterGlobalIndex;
        while (after < throughGlobalIndex) {
            long through = Math.min(throughGlobalIndex, after + properties.verificationWindow());
            List<String> changed = events.returnsWithEventsBetween(after, through);
            for (int from = 0; from < changed.size(); from += batchSize) {
                handler.handle(List.copyOf(changed.subList(from, Math.min(changed.size(), from + batchSize))));
            }
            after = through;
        }
    }

    /**
     * The returns rebuilt from their events with global indexes up to {@code throughGlobalIndex} (every event the
     * store holds now with {@code Long.MAX_VALUE}), in the order of their ids; a return without such events is left
     * out.
     */
    Rebuilt rebuild(List<String> returnIds, long throughGlobalIndex) {
        List<StoredEvent> stored = events.eventsOfReturns(returnIds).stream()
                .filter(event -> event.globalIndex() <= throughGlobalIndex)
                .toList();
        List<RebuiltReturn> rebuilt = new ArrayList<>();
        RebuiltReturn current = null;
        Iterator<? extends DomainEventMessage<?>> messages = decoder.decode(stored).iterator();
        while (messages.hasNext()) {
            DomainEventMessage<?> message = messages.next();
            if (current == null || !current.returnId().equals(message.getAggregateIdentifier())) {
                current = new RebuiltReturn(message.getAggregateIdentifier());
                rebuilt.add(current);
            }
            current.apply(message);
        }
        return new Rebuilt(rebuilt, stored.size());
    }
}
