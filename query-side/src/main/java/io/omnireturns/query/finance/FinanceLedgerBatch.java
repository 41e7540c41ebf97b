package io.omnireturns.query.finance;

import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.platform.database.EventSavepoints;
import io.omnireturns.query.finance.FinanceLedgerRepository.StateChange;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What one batch books (of a replay, or of live events with {@code omnireturns.finance.live-batch-writes}), kept in
 * memory while the batch's events are applied and written when the batch commits: the bookings in one JDBC batch, each
 * changed return's state once (in the processor's transaction, beside its token). The same rules as the per-event path:
 * a return's state is read from the table the first time the batch meets it, an event at or below its last sequence
 * books nothing, a repeated request changes nothing, a booking already there is left as it is, and the periods closed
 * are read once per batch under the shared period lock, which the transaction then holds until it commits (a close
 * waits for it, as for any booking).
 */
final class FinanceLedgerBatch {

    /** Where the batch sits among the resources of its unit of work. */
    static final String RESOURCE = FinanceLedgerBatch.class.getName();

    private final FinanceLedgerRepository repository;
    private final AccountingPeriods periods;
    private final EventSavepoints.BatchedWrites batching;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<LedgerEntry> bookings = new ArrayList<>();
    private Set<YearMonth> closedPeriods;

    private FinanceLedgerBatch(FinanceLedgerRepository repository, AccountingPeriods periods,
                               EventSavepoints.BatchedWrites batching) {
        this.repository = repository;
        this.periods = periods;
        this.batching = batching;
    }

    /** The batch of the current unit of work, created (and set to write when it commits) on first use. */
    static FinanceLedgerBatch current(FinanceLedgerRepository repository, AccountingPeriods periods,
                                      EventSavepoints.BatchedWrites batching) {
        return batching.batchOfCurrentUnitOfWork(RESOURCE, () -> new FinanceLedgerBatch(repository, periods, batching),
                FinanceLedgerBatch::write);
    }

    void request(ReturnRequested event, long sequence) {
        if (entry(event.returnId()) == null) {
            entries.put(event.returnId(), new Entry(LedgerState.opened(event), sequence, false));
        }
        // a repeated request changes nothing
    }

    <E extends ReturnEvent> void book(E event, long sequence, Instant at, BiFunction<LedgerState, E, Booking> rule) {
        Entry entry = entry(event.returnId());
        if (entry == null) {
            throw new IllegalStateException("no ledger for return " + event.returnId() + " to book "
                    + event.getClass().getSimpleName() + " #" + sequence + " in");
        }
        if (entry.lastSequence >= sequence) {
            return; // already applied
        }
        Booking booking = rule.apply(entry.state, event);
        if (!booking.postings().isEmpty()) {
            YearMonth eventPeriod = periods.periodOf(at);
            YearMonth bookedPeriod = AccountingPeriods.bookingPeriod(eventPeriod, closedPeriods());
            for (int part = 0; part < booking.postings().size(); part++) {
                bookings.add(LedgerEntry.of(booking.state(), sequence, part, booking.postings().get(part),
                        bookedPeriod, eventPeriod, at));
            }
        }
        entry.state = booking.state();
        entry.lastSequence = sequence;
        entry.changed = true;
    }

    private Set<YearMonth> closedPeriods() {
        if (closedPeriods == null) {
            guarded(() -> {
                repository.lockForBooking(); // before reading which periods are closed; held until the commit
                closedPeriods = repository.closedPeriods();
            });
        }
        return closedPeriods;
    }

    private Entry entry(String returnId) {
        Entry entry = entries.get(returnId);
        if (entry == null) {
            FinanceLedgerRepository.StoredState[] stored = new FinanceLedgerRepository.StoredState[1];
            guarded(() -> stored[0] = repository.findState(returnId).orElse(null));
            if (stored[0] != null) {
                entry = new Entry(stored[0].state(), stored[0].lastSequence(), true);
                entries.put(returnId, entry);
            }
        }
        return entry;
    }

    private void write() {
        List<StateChange> changes = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.changed || !entry.stored) {
                changes.add(new StateChange(entry.state, entry.lastSequence, entry.stored));
            }
        }
        guarded(() -> {
            if (!bookings.isEmpty()) {
                repository.insert(bookings);
            }
            repository.writeStates(changes);
        });
    }

    /** A failed statement fails the batch: the processor retries it, and the next events go one by one for a while. */
    private void guarded(Runnable statement) {
        try {
            statement.run();
        } catch (RuntimeException e) {
            batching.failed();
            throw e;
        }
    }

    private static final class Entry {

        private LedgerState state;
        private long lastSequence;
        private final boolean stored;
        private boolean changed;

        Entry(LedgerState state, long lastSequence, boolean stored) {
            this.state = state;
            this.lastSequence = lastSequence;
            this.stored = stored;
        }
    }
}
