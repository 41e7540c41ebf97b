package io.omnireturns.command.orchestration.engine;

import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.command.orchestration.ProcessProperties;
import io.omnireturns.command.orchestration.process.ProcessAction;
import io.omnireturns.command.orchestration.process.ProcessKey;
import io.omnireturns.command.orchestration.process.ProcessTiming;
import io.omnireturns.command.orchestration.process.ReturnProcess;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every return's {@link ReturnProcess}: folds in the return's events as they are processed, and once per event
 * batch asks each process touched what to do next, stores it, and after the commit hands the actions to
 * {@link ProcessActions} (step calls, local commands, overdue decisions, none of them on this thread). Their outcomes
 * come back as the return's events.
 * <p>
 * The processor ({@code return-process}, pooled streaming, several segments) processes a batch in one unit of work
 * and one transaction with its token. Writes are write-behind: at most one row write per return per batch, all in one
 * JDBC batch at the unit of work's prepare-commit, so a return whose five events arrive together costs one write, not
 * five. The node owning a segment keeps its processes in a {@link ProcessCache}; a miss reads the row, and a return
 * with no row (started under the old saga, or its row lost) is rebuilt by folding its events from the event store.
 * <p>
 * The row is a cache of the fold plus what the events cannot give back: the steps started and their leases. So a
 * batch that started nothing, finished nothing and brought nothing due sooner than the row says does not write it
 * (an outcome that only closes a step, a notice answered): the row then lags the return's stream, and whoever reads
 * it folds the missing events first ({@link ProcessCatchUp}); a cached process that missed events of its return
 * (another node handled them) is read again the same way. A row whose due time is older than the truth only makes
 * the sweeper look once, catch up, find nothing due and put the due time right.
 * <p>
 * With {@code omnireturns.engine.optimised=false} (the benchmark's yardstick) there is no cache and every event is
 * stored on its own, as the saga did.
 */
@Component
@ProcessingGroup(ReturnProcessManager.PROCESSING_GROUP)
public class ReturnProcessManager {

    public static final String PROCESSING_GROUP = "return-process";
    private static final String BATCH = ReturnProcessManager.class.getName() + ".batch";
    private static final Duration DUE_TOLERANCE = Duration.ofMillis(1);

    private final ProcessStore store;
    private final ProcessActions actions;
    private final ProcessCatchUp catchUp;
    private final ProcessTiming timing;
    private final Clock clock;
    private final boolean optimised;
    private final ProcessCache cache;
    /** Returns whose write found another writer's row: read the row, even for their first event (a replay). */
    private final Set<String> mustRead = ConcurrentHashMap.newKeySet();

    public ReturnProcessManager(ProcessStore store, ProcessActions actions, ProcessCatchUp catchUp,
                                ProcessProperties properties, Clock clock,
                                @Value("${omnireturns.engine.optimised:true}") boolean optimised) {
        this.store = store;
        this.actions = actions;
        this.catchUp = catchUp;
        this.timing = properties.timing();
        this.clock = clock;
        this.optimised = optimised;
        this.cache = new ProcessCache(optimised ? properties.cacheSize() : 0);
    }

    @EventHandler
    void on(ReturnEvent event, DomainEventMessage<?> message) {
        String returnId = event.returnId();
        if (!returnId.equals(message.getAggregateIdentifier())) {
            return; // another aggregate's event about a return: not part of the return's own stream
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, ?> correlation = new HashMap<>(unitOfWork.getCorrelationData());
        if (optimised) {
            Batch batch = unitOfWork.root().getOrComputeResource(BATCH, key -> startBatch(unitOfWork.root()));
            Touched touched = batch.touched.computeIfAbsent(returnId, id -> new Touched(load(id, message)));
            touched.stored.process().apply(message.getPayload(), message.getSequenceNumber(), message.getTimestamp());
            touched.caused(correlation);
        } else {
            Touched touched = new Touched(load(returnId, message));
            touched.stored.process().apply(message.getPayload(), message.getSequenceNumber(), message.getTimestamp());
            touched.caused(correlation);
            Batch single = new Batch();
            single.touched.put(returnId, touched);
            store(single);
            unitOfWork.afterCommit(u -> dispatch(single));
        }
    }

    /** Everything the batch touched, stored at its prepare-commit and acted on after its commit. */
    private static final class Batch {
        final Map<String, Touched> touched = new LinkedHashMap<>();
    }

    private static final class Touched {
        final ProcessStore.Stored stored;
        /** The correlation data of the latest event the batch folded. */
        Map<String, ?> correlation;
        /** Per step or task the batch's events made wanted, the correlation data of the event that did. */
        private final Map<ProcessKey, Map<String, ?>> causes = new HashMap<>();
        private Set<ProcessKey> wanted;
        List<ProcessAction> actions = List.of();
        /** What the row says after the batch: the same as before when the batch did not write it. */
        ProcessStore.Stored after;

        Touched(ProcessStore.Stored stored) {
            this.stored = stored;
            this.wanted = stored.process().wantedKeys();
        }

        /** The event just folded carried {@code correlation}: what it made wanted is its doing. */
        void caused(Map<String, ?> correlation) {
            this.correlation = correlation;
            Set<ProcessKey> now = stored.process().wantedKeys();
            for (ProcessKey key : now) {
                if (!wanted.contains(key)) {
                    causes.put(key, correlation);
                }
            }
            wanted = now;
        }

        /**
         * What an action carries on: the correlation data (request, trace, actor) of the event that made its step
         * wanted, so a refund decided by an inspection continues the inspection's trace even when a later event of
         * another request came in the same batch; the latest event's for a step wanted before the batch.
         */
        Map<String, ?> correlationFor(ProcessAction action) {
            Map<String, ?> cause = action.servedKey().<Map<String, ?>>map(causes::get).orElse(null);
            return cause == null ? correlation : cause;
        }
    }

    private Batch startBatch(UnitOfWork<?> root) {
        Batch batch = new Batch();
        root.onPrepareCommit(u -> store(batch));
        root.afterCommit(u -> dispatch(batch));
        // the cached objects took events that are not stored: drop them, the retry reads the rows
        root.onRollback(u -> batch.touched.keySet().forEach(cache::evict));
        return batch;
    }

    private void store(Batch batch) {
        Instant now = clock.instant();
        List<ProcessStore.Write> writes = new ArrayList<>(batch.touched.size());
        for (Touched touched : batch.touched.values()) {
            ReturnProcess process = touched.stored.process();
            touched.actions = process.next(now, timing);
            Instant nextDue = process.finished() ? null : process.nextDue(timing).orElse(null);
            if (optimised && rowStillServes(touched.stored, touched.actions, process.finished(), nextDue, now)) {
                touched.after = touched.stored;
                continue;
            }
            touched.after = new ProcessStore.Stored(process, touched.stored.version() + 1, nextDue,
                    process.finished());
            writes.add(new ProcessStore.Write(process, touched.stored.version(), nextDue, touched.correlation));
        }
        try {
            store.saveAll(writes);
        } catch (StaleProcessException stale) {
            stale.returnIds().forEach(cache::evict);
            mustRead.addAll(stale.returnIds());
            throw stale;
        }
    }

    /**
     * Whether the row as it stands still serves after this batch: it exists, the batch started no step (a start's
     * attempt and lease are known only to the row), the return did not finish, and nothing falls due sooner than the
     * row says, whose due time no sweeper can have moved yet (it lies ahead). What the batch folded is in the events.
     */
    private static boolean rowStillServes(ProcessStore.Stored row, List<ProcessAction> actions, boolean finished,
                                          Instant nextDue, Instant now) {
        if (row.version() == 0 || !actions.isEmpty() || finished != row.finished()) {
            return false;
        }
        if (row.nextDue() == null) {
            return nextDue == null;
        }
        // the row keeps due times to the microsecond, rounded: a due time less than a millisecond earlier is the same
        return row.nextDue().isAfter(now) && (nextDue == null || !nextDue.plus(DUE_TOLERANCE).isBefore(row.nextDue()));
    }

    private void dispatch(Batch batch) {
        for (Touched touched : batch.touched.values()) {
            ReturnProcess process = touched.stored.process();
            cache.put(touched.after);
            mustRead.remove(process.returnId());
            for (ProcessAction action : touched.actions) {
                Map<String, ?> cause = touched.correlationFor(action);
                actions.dispatch(List.of(action), SystemTrail.isRetry(action) ? SystemTrail.of(cause, action) : cause);
            }
        }
    }

    /**
     * The process as of just before {@code event}: cached, stored (and caught up with the events its row lags), or
     * rebuilt from the return's events before it. A cached process that has not folded the event right before this
     * one missed events another node handled: it is read again. A return's first event needs no read: there is
     * nothing before it, and a row that exists all the same (a redelivery) fails the version check of the write and
     * the batch is handled again on it.
     */
    private ProcessStore.Stored load(String returnId, DomainEventMessage<?> event) {
        long sequence = event.getSequenceNumber();
        var cached = cache.get(returnId);
        if (cached.isPresent() && cached.get().process().lastSequence() >= sequence - 1) {
            return cached.get();
        }
        if (optimised && sequence == 0 && !mustRead.contains(returnId)) {
            return ProcessStore.Stored.unstored(ReturnProcess.of(returnId));
        }
        return store.load(returnId)
                .map(row -> new ProcessStore.Stored(catchUp.upTo(row.process(), sequence), row.version(),
                        row.nextDue(), row.finished()))
                .orElseGet(() -> ProcessStore.Stored.unstored(catchUp.upTo(ReturnProcess.of(returnId), sequence)));
    }

    /** Forgets every cached process (tests; an operator's reset of the processor). */
    public void forgetCached() {
        cache.clear();
    }
}
