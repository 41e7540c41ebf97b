package io.omnireturns.query.admin;

import io.omnireturns.api.audit.RebuildPhase;
import io.omnireturns.api.audit.ViewDifference;
import io.omnireturns.query.audit.EventStoreReader;
import io.omnireturns.query.status.StatusViewShadow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rebuild of the status view into its shadow table, from start to swap (docs/audit-and-operations.md, "Replay
 * without downtime"): rebuild every return up to the head, catch up with the events that arrived meanwhile (pass after
 * pass while the passes shrink), verify the shadow against the event store, catch up once more, then swap in one short
 * transaction. The projection's token is never touched: it goes on writing the live table, and after the swap the
 * new one; what it applies there that the shadow holds already changes nothing (versions). Anything short of the swap's
 * commit leaves the live table as it was, and the shadow is dropped.
 */
final class StatusViewRebuildRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StatusViewRebuildRun.class);
    private static final long SAVE_EVERY_MILLIS = 500;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** The rebuild stops: cancelled by operations, or failed its verification. */
    static final class Stopped extends RuntimeException {
        private final RebuildPhase phase;
        private final transient List<ViewDifference> differences;

        Stopped(RebuildPhase phase, String reason, List<ViewDifference> differences) {
            super(reason);
            this.phase = phase;
            this.differences = List.copyOf(differences);
        }
    }

    private final RebuildProgress progress;
    private final Collaborators with;
    private final Map<String, ViewDifference> notRebuildable = new LinkedHashMap<>();
    private volatile boolean cancelled;
    private long savedAtMillis;

    /** What a run works with (one bean each). */
    record Collaborators(ShadowFill fill, ShadowVerification verification, StatusViewShadow shadow,
                         RebuildRecords records, ProcessorTokens deadLetters, EventStoreReader events,
                         AdminProperties properties,
                         TransactionTemplate transactions, List<RebuildListener> listeners, Clock clock) {
    }

    StatusViewRebuildRun(RebuildProgress progress, Collaborators with) {
        this.progress = progress;
        this.with = with;
    }

    RebuildProgress progress() {
        return progress;
    }

    /** Stops the rebuild at its next batch (or before its swap commits). */
    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        try {
            enter(RebuildPhase.REBUILDING);
            with.shadow().create();
            long head = with.events().headGlobalIndex();
            progress.throughIndex = head;
            save();
            progress.returnsTotal = with.events().countReturnsThrough(head);
            save();
            with.fill().rebuildAll(head, rebuilt -> {
                progress.returnsRebuilt = rebuilt;
                with.listeners().forEach(listener -> listener.batchWritten(rebuilt));
                checkpoint();
            }, failed -> {
                if (notRebuildable.size() < with.properties().verificationMaxDifferences()) {
                    notRebuildable.put(failed.returnId(), failed);
                }
            });
            with.shadow().completeIndexes();
            checkpoint();

            enter(RebuildPhase.CATCHING_UP);
            long covered = catchUp(head);

            enter(RebuildPhase.VERIFYING);
            verify(covered);
            covered = catchUp(covered);

            enter(RebuildPhase.SWAPPING);
            swap(covered);
            log.info("Status view rebuilt and swapped in up to event {} ({} returns, {} caught up in {} passes)",
                    progress.throughIndex, progress.returnsRebuilt, progress.returnsCaughtUp, progress.catchUpPasses);
        } catch (Stopped stopped) {
            end(stopped.phase, stopped.getMessage(), stopped.differences);
        } catch (RuntimeException e) {
            log.error("Rebuild of the status view failed; the live view is left as it was", e);
            end(RebuildPhase.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), List.of());
        }
    }

    /** Catch-up passes from {@code covered} on, while they shrink and stay above the target; the head reached. */
    private long catchUp(long covered) {
        long previous = Long.MAX_VALUE;
        for (int pass = 0; pass < with.properties().rebuildMaxCatchUpPasses(); pass++) {
            long head = with.events().headGlobalIndex();
            ShadowFill.Pass done = with.fill().catchUp(covered, head, this::checkpoint);
            covered = head;
            progress.catchUpPasses++;
            progress.returnsCaughtUp += done.rebuilt();
            progress.throughIndex = head;
            save();
            if (done.rebuilt() <= with.properties().rebuildCatchUpTarget() || done.rebuilt() >= previous) {
                break;
            }
            previous = done.rebuilt();
        }
        return covered;
    }

    private void verify(long through) {
        ShadowVerification.Outcome outcome = with.verification().verify(through, notRebuildable, this::checkpoint);
        progress.returnsVerified = outcome.verified();
        progress.corrected = outcome.correctionCount();
        progress.differences = outcome.corrections();
        save();
        if (!outcome.passed()) {
            throw new Stopped(RebuildPhase.FAILED, "the shadow failed its verification: " + outcome.failureCount()
                    + " return(s) missing from it or behind their events up to event " + through
                    + "; the live view was left as it was", outcome.failures());
        }
    }

    /**
     * The swap, in one transaction: the rebuild's row locked (a cancellation waits for the outcome), the live table
     * locked (waits for the projection's open batch; reads queue behind), the returns with events since the last pass
     * rebuilt, then the renames and the announcement that every node's cached views are void. Tries again when the
     * lock on the live table cannot be had in time.
     */
    private void swap(long covered) {
        int attempts = with.properties().rebuildSwapAttempts();
        long from = covered;
        for (int attempt = 1; ; attempt++) {
            long swapFrom = from;
            try {
                with.transactions().executeWithoutResult(status -> swapLocked(swapFrom));
                break;
            } catch (RuntimeException e) {
                if (!lockNotAvailable(e) || attempt >= attempts) {
                    throw e;
                }
                log.info("The status view's live table stayed busy for {} (held by {}); swap attempt {} of {} next",
                        with.properties().rebuildSwapLockTimeout(), holders(), attempt + 1, attempts);
                from = catchUp(from);
            }
        }
        try {
            with.shadow().dropReplaced();
        } catch (RuntimeException e) {
            log.warn("The replaced status view table could not be dropped; the next rebuild drops it", e);
        }
    }

    private void swapLocked(long covered) {
        if (with.records().lockForSwap(progress) || cancelled) {
            throw new Stopped(RebuildPhase.CANCELLED, "cancelled before the swap; the live view was left as it was",
                    List.of());
        }
        with.shadow().lockLive(with.properties().rebuildSwapLockTimeout());
        with.listeners().forEach(RebuildListener::liveTableLocked);
        long head = with.events().headGlobalIndex();
        ShadowFill.Pass last = with.fill().catchUp(covered, head, () -> { });
        if (!last.stillBehind().isEmpty()) {
            throw new Stopped(RebuildPhase.FAILED, "the shadow failed its verification at the swap: "
                    + last.stillBehind().size() + " return(s) cannot be brought up to event " + head
                    + "; the live view was left as it was", last.stillBehind());
        }
        with.shadow().swap();
        // the new table holds every dead-lettered event (the verification and the pass above saw to it): letters
        // left in the queue would hold back the returns' next events
        int letters = with.deadLetters().deleteDeadLetters(progress.view);
        if (letters > 0) {
            log.info("The status view's {} dead letter(s) dropped with the swap: the new table has their events",
                    letters);
        }
        progress.catchUpPasses++;
        progress.returnsCaughtUp += last.rebuilt();
        progress.throughIndex = head;
        progress.phase = RebuildPhase.DONE;
        progress.finishedAt = with.clock().instant();
        progress.updatedAt = progress.finishedAt;
        with.records().save(progress);
    }

    private void enter(RebuildPhase phase) {
        checkCancelled();
        with.listeners().forEach(listener -> listener.entering(phase));
        log.info("Rebuild of the status view: {} ({} ms after its start, {} returns rebuilt, {} caught up)", phase,
                java.time.Duration.between(progress.startedAt, with.clock().instant()).toMillis(),
                progress.returnsRebuilt, progress.returnsCaughtUp);
        progress.phase = phase;
        save();
        checkCancelled();
    }

    /** After each batch: the progress written now and then, and a cancellation heard. */
    private void checkpoint() {
        if (System.currentTimeMillis() - savedAtMillis >= SAVE_EVERY_MILLIS) {
            save();
        }
        checkCancelled();
    }

    private void save() {
        progress.updatedAt = with.clock().instant();
        savedAtMillis = System.currentTimeMillis();
        if (with.records().save(progress)) {
            cancelled = true;
        }
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new Stopped(RebuildPhase.CANCELLED, "cancelled during " + progress.phase.name().toLowerCase()
                    .replace('_', ' ') + "; the live view was left as it was", List.of());
        }
    }

    private void end(RebuildPhase phase, String reason, List<ViewDifference> differences) {
        try {
            with.shadow().dropShadow();
        } catch (RuntimeException e) {
            log.warn("The status view's shadow table could not be dropped; the next rebuild drops it", e);
        }
        progress.phase = phase;
        progress.failure = reason;
        if (!differences.isEmpty()) {
            progress.differences = differences;
        }
        progress.finishedAt = with.clock().instant();
        save();
        log.info("Rebuild of the status view {}: {}", phase.name().toLowerCase(), reason);
    }

    private List<String> holders() {
        try {
            return with.shadow().liveTableHolders();
        } catch (RuntimeException e) {
            return List.of("unknown: " + e.getMessage());
        }
    }

    private static boolean lockNotAvailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
