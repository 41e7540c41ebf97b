package io.omnireturns.query.status;

import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.platform.database.EventSavepoints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The status views one batch of events changes, kept in memory while the batch's events are applied and written
 * once per return when the batch commits (one JDBC batch, in the processor's transaction, beside its token). A
 * replay applies some twenty events per return, and under load a live batch often holds several events of one
 * return; this writes each return once per batch instead of reading and rewriting its whole document per event.
 * <p>
 * Same rules as the per-event path: a view is read from the table the first time the batch meets its return, an
 * event at or below a view's version changes nothing, a repeated request changes nothing, and a row is only
 * overwritten by a newer version. An event whose change fails leaves the view as it was before that event (so the
 * dead-letter queue can take it and the rest of its return) and the batch goes on.
 * <p>
 * Subscribers of a return get every version of its view, as on the per-event path, after the commit: while a return
 * has a subscriber (looked up once, when the batch starts), the batch keeps the view each of its events made (only
 * then, since each costs a copy). A subscriber who comes in during a batch gets the batch's last view.
 */
final class StatusViewBatch {

    /** Where the batch sits among the resources of its unit of work. */
    static final String RESOURCE = StatusViewBatch.class.getName();

    private final ReturnStatusRepository repository;
    private final Consumer<ReturnStatusView> emitter;
    private final Set<String> watched;
    private final EventSavepoints.BatchedWrites batching;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private StatusViewBatch(ReturnStatusRepository repository, Consumer<ReturnStatusView> emitter,
                            Set<String> watched, EventSavepoints.BatchedWrites batching) {
        this.repository = repository;
        this.emitter = emitter;
        this.watched = watched;
        this.batching = batching;
    }

    /** The batch of the current unit of work, created (and set to write when it commits) on first use. */
    static StatusViewBatch current(ReturnStatusRepository repository, Consumer<ReturnStatusView> emitter,
                                   Supplier<Set<String>> watched, EventSavepoints.BatchedWrites batching) {
        return batching.batchOfCurrentUnitOfWork(RESOURCE,
                () -> new StatusViewBatch(repository, emitter, watched.get(), batching), StatusViewBatch::write);
    }

    void request(ReturnRequested event, EventStamp stamp) {
        if (entry(event.returnId()) == null) {
            Entry entry = new Entry(() -> ReturnStatusDraft.requested(event, stamp), false);
            entries.put(event.returnId(), entry);
            entry.live |= StatusChangeNotices.isLiveEvent();
            entry.keepVersionIf(watched.contains(event.returnId()));
        }
        // a repeated request changes nothing
    }

    void apply(String returnId, EventStamp stamp, Consumer<ReturnStatusDraft> change) {
        Entry entry = entry(returnId);
        if (entry == null) {
            throw new IllegalStateException("no status view for return " + returnId + " to apply "
                    + stamp.eventName() + " #" + stamp.sequenceNumber() + " to");
        }
        if (entry.draft.version() >= stamp.sequenceNumber()) {
            return; // already applied
        }
        try {
            change.accept(entry.draft);
        } catch (RuntimeException e) {
            entry.restore();
            throw e;
        }
        entry.applied.add(change);
        entry.live |= StatusChangeNotices.isLiveEvent();
        entry.keepVersionIf(watched.contains(returnId));
    }

    /** The view as the batch has it, read from the table the first time; null when there is none. */
    private Entry entry(String returnId) {
        Entry entry = entries.get(returnId);
        if (entry == null) {
            try {
                ReturnStatusDraft stored = repository.openDraft(returnId).orElse(null);
                // the table does not change before the batch writes, so the stored view can be read again
                entry = stored == null ? null : new Entry(stored,
                        () -> repository.openDraft(returnId).orElseThrow(), true);
            } catch (RuntimeException e) {
                batching.failed();
                throw e;
            }
            if (entry != null) {
                entries.put(returnId, entry);
            }
        }
        return entry;
    }

    private void write() {
        List<ReturnStatusRepository.Change> changes = new ArrayList<>();
        Map<String, List<ReturnStatusView>> versions = new HashMap<>();
        Set<String> live = new java.util.HashSet<>();
        for (Entry entry : entries.values()) {
            if (!entry.applied.isEmpty() || !entry.stored) {
                ReturnStatusView view = entry.draft.toView();
                changes.add(new ReturnStatusRepository.Change(view, entry.draft.underlyingSystems(), entry.stored));
                if (entry.live) {
                    live.add(view.returnId());
                }
                if (!entry.versions.isEmpty()) {
                    versions.put(view.returnId(), entry.versions);
                }
            }
        }
        List<ReturnStatusView> written;
        try {
            written = repository.write(changes, live::contains);
        } catch (RuntimeException e) {
            batching.failed();
            throw e;
        }
        for (ReturnStatusView view : written) {
            List<ReturnStatusView> kept = versions.get(view.returnId());
            if (kept == null) {
                emitter.accept(view);
            } else {
                kept.forEach(emitter); // the last one is the view written
            }
        }
    }

    /**
     * A return's view in the batch. A change that fails half-way may have changed the draft already: the draft is
     * then made again from where the batch started and the changes that succeeded, cheaper than a copy per event.
     */
    private static final class Entry {

        private final Supplier<ReturnStatusDraft> start;
        private final boolean stored;
        private final List<Consumer<ReturnStatusDraft>> applied = new ArrayList<>();
        private final List<ReturnStatusView> versions = new ArrayList<>(0);
        private ReturnStatusDraft draft;
        /** Changed by a live (not replayed) event: its write is announced to live subscribers. */
        private boolean live;

        Entry(Supplier<ReturnStatusDraft> start, boolean stored) {
            this(start.get(), start, stored);
        }

        Entry(ReturnStatusDraft draft, Supplier<ReturnStatusDraft> start, boolean stored) {
            this.draft = draft;
            this.start = start;
            this.stored = stored;
        }

        /** Keeps the view as it is now, for a subscriber of the return. */
        void keepVersionIf(boolean watched) {
            if (watched) {
                versions.add(draft.toView());
            }
        }

        void restore() {
            draft = start.get();
            applied.forEach(change -> change.accept(draft));
        }
    }
}
