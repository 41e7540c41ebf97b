package io.omnireturns.query.status;

import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.platform.database.EventSavepoints;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * How one event's change reaches the stored status view, inside the processor's transaction, which also stores the
 * token: replayed events, and live ones while {@code omnireturns.status-view.live-batch-writes} (by default
 * {@code omnireturns.engine.optimised}) is on, in memory, each changed return read once and written once when its
 * batch commits ({@link StatusViewBatch}); otherwise one by one, each in its own savepoint. Both paths skip an event
 * at or below the view's version, so redelivery after a stolen claim and replays change nothing.
 * <p>
 * {@link ReturnStatusProjection} holds the one instance, so every event of the view shares its batching state (a
 * failed batch turns batching off for a while for all of them).
 */
final class StatusViewChanges {

    private final ReturnStatusRepository repository;
    private final QueryUpdateEmitter updateEmitter;
    private final TransactionTemplate savepoint;
    private final EventSavepoints.BatchedWrites batchedWrites;

    StatusViewChanges(ReturnStatusRepository repository, QueryUpdateEmitter updateEmitter,
                      PlatformTransactionManager transactionManager, StatusViewProperties properties,
                      boolean engineOptimised) {
        this.repository = repository;
        this.updateEmitter = updateEmitter;
        this.savepoint = EventSavepoints.perEvent(transactionManager);
        this.batchedWrites = new EventSavepoints.BatchedWrites(properties.replayBatchWrites(),
                properties.liveBatchWrites(engineOptimised),
                properties.perEventAfterFailure());
    }

    /** The first view of a return; a repeated request changes nothing. */
    void request(ReturnRequested event, Long sequence, Instant at) {
        EventStamp stamp = stamp(event, sequence, at);
        if (batchedWrites.appliesToCurrentEvent(StatusViewBatch.RESOURCE)) {
            batch().request(event, stamp);
            return;
        }
        savepoint.executeWithoutResult(status -> {
            ReturnStatusDraft draft = ReturnStatusDraft.requested(event, stamp);
            ReturnStatusView view = draft.toView();
            if (repository.insertIfAbsent(view, draft.underlyingSystems())) {
                emit(view);
            }
        });
    }

    /** Changes the view of the event's return; there must be one. */
    <E extends ReturnEvent> void apply(E event, Long sequence, Instant at, ViewChange<E> change) {
        EventStamp stamp = stamp(event, sequence, at);
        if (batchedWrites.appliesToCurrentEvent(StatusViewBatch.RESOURCE)) {
            batch().apply(event.returnId(), stamp, draft -> change.apply(draft, event, stamp));
            return;
        }
        savepoint.executeWithoutResult(status -> {
            ReturnStatusDraft draft = repository.openDraft(event.returnId()).orElseThrow(() ->
                    new IllegalStateException("no status view for return " + event.returnId() + " to apply "
                            + stamp.eventName() + " #" + stamp.sequenceNumber() + " to"));
            if (draft.version() >= stamp.sequenceNumber()) {
                return; // already applied
            }
            change.apply(draft, event, stamp);
            ReturnStatusView updated = draft.toView();
            if (repository.update(updated, draft.underlyingSystems())) {
                emit(updated);
            }
        });
    }

    /** The batch of the current unit of work (see {@link StatusViewBatch}). */
    private StatusViewBatch batch() {
        return StatusViewBatch.current(repository, this::emit, this::watchedReturns, batchedWrites);
    }

    private static EventStamp stamp(ReturnEvent event, Long sequence, Instant at) {
        if (sequence == null) {
            // only the aggregate's sequence number orders a return's events; without it idempotency is impossible
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " of return " + event.returnId()
                    + " was not published by the return aggregate");
        }
        return new EventStamp(sequence, at, event.getClass().getSimpleName());
    }

    /** The returns whose view someone subscribed to (a batch keeps each version of their views for them). */
    private Set<String> watchedReturns() {
        Set<SubscriptionQueryMessage<?, ?, ?>> subscriptions = updateEmitter.activeSubscriptions();
        if (subscriptions.isEmpty()) {
            return Set.of();
        }
        Set<String> returnIds = new HashSet<>();
        for (SubscriptionQueryMessage<?, ?, ?> subscription : subscriptions) {
            if (subscription.getPayload() instanceof FindReturnStatus query) {
                returnIds.add(query.returnId());
            }
        }
        return returnIds;
    }

    /** Subscribers see a change only after the processor's transaction commits (the emitter waits for it). */
    private void emit(ReturnStatusView view) {
        updateEmitter.emit(FindReturnStatus.class, query -> query.returnId().equals(view.returnId()), view);
    }

    /** What one event does to a return's view. */
    @FunctionalInterface
    interface ViewChange<E> {
        void apply(ReturnStatusDraft draft, E event, EventStamp stamp);
    }
}
