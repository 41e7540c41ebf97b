package io.omnireturns.query.exceptions;

import io.omnireturns.platform.database.EventSavepoints;
import io.omnireturns.api.query.ExceptionPage;
import io.omnireturns.api.query.ExceptionView;
import io.omnireturns.api.query.FindException;
import io.omnireturns.api.query.FindExceptions;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.query.ReturnRequests;
import io.omnireturns.query.exceptions.ExceptionQueueRepository.RaisedException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * The exception queue that operations work through: every exception raised on a return, with its CRM case and
 * how it was resolved, answering the queue's queries.
 * <p>
 * Idempotent per row: each exception remembers the sequence number of the last event of its return applied to
 * it, and an event at or below it changes nothing, so redelivery after a stolen claim and replays are harmless.
 * Each event is applied inside the processor's transaction, which also stores the token.
 */
@Component
@ProcessingGroup(ExceptionQueueProjection.PROCESSING_GROUP)
public class ExceptionQueueProjection {

    public static final String PROCESSING_GROUP = "exception-queue";

    private final ExceptionQueueRepository repository;
    private final EventStore events;
    private final QueryUpdateEmitter updateEmitter;
    private final TransactionTemplate savepoint;

    public ExceptionQueueProjection(ExceptionQueueRepository repository, EventStore events,
                                    QueryUpdateEmitter updateEmitter, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.events = events;
        this.updateEmitter = updateEmitter;
        this.savepoint = EventSavepoints.perEvent(transactionManager);
    }

    @EventHandler
    void on(ExceptionRaised event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        long number = sequenceOf(event, sequence);
        savepoint.executeWithoutResult(status -> {
            // read when one is queued: the queue keeps nothing of the returns that never raise one
            ReturnRequested request = ReturnRequests.of(events, event.returnId());
            RaisedException raised = new RaisedException(event.exceptionId(), event.returnId(),
                    request == null ? null : request.orderId(), request == null ? null : request.customerId(),
                    event.step(), event.stepKey(), event.system() == null ? event.step().system() : event.system(),
                    event.failureCode(), event.message(), event.attempts(), at, number);
            if (repository.insertIfAbsent(raised)) {
                emit(event.exceptionId());
            }
        });
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber Long sequence) {
        long number = sequenceOf(event, sequence);
        savepoint.executeWithoutResult(status -> {
            if (repository.caseOpened(event.exceptionId(), event.caseId(), number)) {
                emit(event.exceptionId());
            }
        });
    }

    @EventHandler
    void on(ExceptionResolved event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        long number = sequenceOf(event, sequence);
        savepoint.executeWithoutResult(status -> {
            if (repository.resolved(event.exceptionId(), event.resolution(), event.resolvedBy(), at, number)) {
                emit(event.exceptionId());
            }
        });
    }

    /** A replay rebuilds the queue from the first event; the processor calls this before it starts over. */
    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    @QueryHandler
    public ExceptionView handle(FindException query) {
        return repository.find(query.exceptionId()).orElse(null);
    }

    @QueryHandler
    public ExceptionPage handle(FindExceptions query) {
        int size = Math.min(Math.max(query.size(), 1), FindExceptions.MAX_PAGE_SIZE);
        return repository.search(query, Math.max(query.page(), 0), size);
    }

    private static long sequenceOf(ReturnEvent event, Long sequence) {
        if (sequence == null) {
            // only the aggregate's sequence number orders a return's events; without it idempotency is impossible
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " of return " + event.returnId()
                    + " was not published by the return aggregate");
        }
        return sequence;
    }

    /** Subscribers see a change only after the processor's transaction commits (the emitter waits for it). */
    private void emit(String exceptionId) {
        repository.find(exceptionId).ifPresent(view -> updateEmitter.emit(FindException.class,
                query -> query.exceptionId().equals(exceptionId), view));
    }
}
