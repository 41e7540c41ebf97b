package io.omnireturns.query.finance;

import io.omnireturns.api.finance.FindPeriodReconciliation;
import io.omnireturns.api.finance.FindReturnLedger;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.finance.ReturnLedgerView;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import io.omnireturns.platform.database.EventSavepoints;
import io.omnireturns.query.finance.FinanceLedgerRepository.StoredState;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The finance ledger: every financial event of a return booked per accounting period (the month of the event's
 * timestamp in the ledger's time zone, or the first open month after it when that one is closed), answering the
 * reconciliation and return ledger queries.
 * <p>
 * Idempotent: each return remembers the sequence number of the last event applied and skips any event at or
 * below it, and a booking is keyed by the return, the event's sequence number and its part, so redelivery after a
 * stolen claim and replays book nothing twice. Each event is applied inside the processor's transaction, which
 * also stores the token: replayed events, and live ones while {@code omnireturns.finance.live-batch-writes} (by
 * default {@code omnireturns.engine.optimised}) is on, in memory, written when their batch commits
 * ({@link FinanceLedgerBatch}); otherwise one by one, each in its own savepoint.
 */
@Component
@ProcessingGroup(FinanceLedgerProjection.PROCESSING_GROUP)
public class FinanceLedgerProjection {

    public static final String PROCESSING_GROUP = "finance-ledger";

    private final FinanceLedgerRepository repository;
    private final AccountingPeriods periods;
    private final ReconciliationReports reports;
    private final TransactionTemplate savepoint;
    private final EventSavepoints.BatchedWrites batchedWrites;

    public FinanceLedgerProjection(FinanceLedgerRepository repository, AccountingPeriods periods,
                                   ReconciliationReports reports, PlatformTransactionManager transactionManager,
                                   FinanceProperties properties,
                                   @Value(AxonInfrastructureConfiguration.ENGINE_OPTIMISED) boolean engineOptimised) {
        this.repository = repository;
        this.periods = periods;
        this.reports = reports;
        this.savepoint = EventSavepoints.perEvent(transactionManager);
        this.batchedWrites = new EventSavepoints.BatchedWrites(properties.replayBatchWrites(),
                properties.liveBatchWrites(engineOptimised),
                properties.perEventAfterFailure());
    }

    @EventHandler
    void on(ReturnRequested event, @SequenceNumber Long sequence) {
        long number = sequenceOf(event, sequence);
        if (batchedWrites.appliesToCurrentEvent(FinanceLedgerBatch.RESOURCE)) {
            batch().request(event, number);
            return;
        }
        savepoint.executeWithoutResult(status -> repository.insertState(LedgerState.opened(event), number));
    }

    @EventHandler
    void on(ReturnLinesInspected event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(ReturnLinesKept event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(RefundApproved event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(RefundIssued event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(RefundSettled event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(RefundFailed event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(RefundTaxApplied event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(CreditMemoPosted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(ReplacementOrderCreated event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(DifferenceCharged event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(EarlyRefundGranted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(ClawbackDecided event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(ClawbackCharged event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(EarlyExchangeGranted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(ClawbackMemoPosted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    @EventHandler
    void on(InventoryAdjusted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        book(event, sequence, at, LedgerState::on);
    }

    /**
     * A replay rebuilds the open periods from the first event; the processor calls this before it starts over.
     * Closed periods keep their bookings, and a replayed event booked there is not booked again.
     */
    @ResetHandler
    void reset() {
        repository.deleteForReplay();
    }

    @QueryHandler
    public PeriodReconciliation handle(FindPeriodReconciliation query) {
        return reports.reconciliation(query);
    }

    @QueryHandler
    public ReturnLedgerView handle(FindReturnLedger query) {
        return repository.ledgerOf(query.returnId()).orElse(null);
    }

    private <E extends ReturnEvent> void book(E event, Long sequence, Instant at,
                                              BiFunction<LedgerState, E, Booking> rule) {
        long number = sequenceOf(event, sequence);
        if (batchedWrites.appliesToCurrentEvent(FinanceLedgerBatch.RESOURCE)) {
            batch().book(event, number, at, rule);
            return;
        }
        savepoint.executeWithoutResult(status -> {
            StoredState stored = repository.findState(event.returnId()).orElseThrow(() -> new IllegalStateException(
                    "no ledger for return " + event.returnId() + " to book " + event.getClass().getSimpleName()
                            + " #" + number + " in"));
            if (stored.lastSequence() >= number) {
                return; // already applied
            }
            Booking booking = rule.apply(stored.state(), event);
            if (!booking.postings().isEmpty()) {
                repository.lockForBooking(); // before reading which periods are closed
                YearMonth eventPeriod = periods.periodOf(at);
                YearMonth bookedPeriod = AccountingPeriods.bookingPeriod(eventPeriod, repository.closedPeriods());
                List<LedgerEntry> entries = new ArrayList<>();
                for (int part = 0; part < booking.postings().size(); part++) {
                    entries.add(LedgerEntry.of(booking.state(), number, part, booking.postings().get(part),
                            bookedPeriod, eventPeriod, at));
                }
                repository.insert(entries);
            }
            repository.updateState(booking.state(), number);
        });
    }

    /** The replay batch of the current unit of work (see {@link FinanceLedgerBatch}). */
    private FinanceLedgerBatch batch() {
        return FinanceLedgerBatch.current(repository, periods, batchedWrites);
    }

    private static long sequenceOf(ReturnEvent event, Long sequence) {
        if (sequence == null) {
            // only the aggregate's sequence number orders a return's events; without it idempotency is impossible
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " of return " + event.returnId()
                    + " was not published by the return aggregate");
        }
        return sequence;
    }
}
