package io.omnireturns.query.kpi;

import io.omnireturns.platform.database.EventSavepoints;
import io.omnireturns.api.kpi.FindKpis;
import io.omnireturns.api.kpi.KpiReport;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.query.kpi.KpiRepository.FirstInstant;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
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
import java.util.function.Consumer;

/**
 * The KPI base: when each return reached each milestone (by the event's own timestamp), when the customer was told
 * of it, what refund was approved and what the ERP posted, and every manual intervention. Redelivered and replayed
 * events change nothing (see {@link KpiRepository}); a failing event goes to the dead-letter queue. A batch's events
 * are recorded in memory and written once per return when it commits ({@link KpiBatch}), unless
 * {@code omnireturns.kpi.batch-writes} (by default {@code omnireturns.engine.optimised}) is off.
 * <p>
 * The milestones are the ones the return process tells the customer about, reached at the event that makes them
 * true: AUTHORIZED, LABEL_ISSUED, RECEIVED (first receipt), REFUNDED (refund issued, or an exchange's replacement
 * order), COMPLETED, and the endings REJECTED, CANCELLED, EXPIRED (also when a hold is resolved that way).
 */
@Component
@ProcessingGroup(KpiProjection.PROCESSING_GROUP)
public class KpiProjection {

    public static final String PROCESSING_GROUP = "kpi";

    private final KpiRepository repository;
    private final TransactionTemplate savepoint;
    private final EventSavepoints.BatchedWrites batchedWrites;

    public KpiProjection(KpiRepository repository, PlatformTransactionManager transactionManager,
                         KpiProperties properties,
                         @Value(AxonInfrastructureConfiguration.ENGINE_OPTIMISED) boolean engineOptimised) {
        this.repository = repository;
        this.savepoint = EventSavepoints.perEvent(transactionManager);
        boolean batched = properties.batchWrites(engineOptimised);
        this.batchedWrites = new EventSavepoints.BatchedWrites(batched, batched, properties.perEventAfterFailure());
    }

    @EventHandler
    void on(ReturnRequested event, @Timestamp Instant at) {
        write(kpi -> kpi.requested(event.returnId(), event.channel(), at));
    }

    @EventHandler
    void on(ReturnAuthorized event, @Timestamp Instant at) {
        write(kpi -> kpi.milestoneReached(event.returnId(), "AUTHORIZED", at));
    }

    @EventHandler
    void on(ReturnRejected event, @Timestamp Instant at) {
        write(kpi -> kpi.milestoneReached(event.returnId(), "REJECTED", at));
    }

    @EventHandler
    void on(ReturnLabelIssued event, @Timestamp Instant at) {
        write(kpi -> kpi.milestoneReached(event.returnId(), "LABEL_ISSUED", at));
    }

    @EventHandler
    void on(ReturnItemsReceived event, @Timestamp Instant at) {
        write(kpi -> {
            kpi.first(FirstInstant.RECEIVED, event.returnId(), at);
            kpi.milestoneReached(event.returnId(), "RECEIVED", at);
        });
    }

    @EventHandler
    void on(ReturnInspectionCompleted event, @Timestamp Instant at) {
        write(kpi -> kpi.first(FirstInstant.INSPECTION_COMPLETED, event.returnId(), at));
    }

    @EventHandler
    void on(RefundApproved event) {
        write(kpi -> kpi.refundApproved(event.returnId(), event.breakdown().total()));
    }

    @EventHandler
    void on(RefundIssued event, @Timestamp Instant at) {
        write(kpi -> {
            kpi.first(FirstInstant.REFUND_ISSUED, event.returnId(), at);
            kpi.milestoneReached(event.returnId(), "REFUNDED", at);
        });
    }

    @EventHandler
    void on(ReplacementOrderCreated event, @Timestamp Instant at) {
        write(kpi -> kpi.milestoneReached(event.returnId(), "REFUNDED", at));
    }

    @EventHandler
    void on(CreditMemoPosted event, @Timestamp Instant at) {
        write(kpi -> kpi.creditMemoPosted(event.returnId(), event.amount(), at));
    }

    @EventHandler
    void on(InventoryAdjusted event, @Timestamp Instant at) {
        write(kpi -> kpi.inventoryAdjusted(event.returnId(), at));
    }

    @EventHandler
    void on(ExceptionRaised event, @Timestamp Instant at) {
        write(kpi -> kpi.first(FirstInstant.EXCEPTION_RAISED, event.returnId(), at));
    }

    @EventHandler
    void on(ExceptionResolved event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        if ("RETRY".equals(event.resolution())) {
            write(kpi -> kpi.exceptionRetried(event.returnId(), sequence, at));
        }
    }

    @EventHandler
    void on(ReturnHoldResolved event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        write(kpi -> {
            kpi.holdResolved(event.returnId(), sequence, at);
            if (event.decision() != HoldDecision.RESUME) {
                kpi.milestoneReached(event.returnId(), event.resumedAs().name(), at);
            }
        });
    }

    /** Declined by a person: ends like a rejection. */
    @EventHandler
    void on(ReturnDeclined event, @Timestamp Instant at) {
        write(kpi -> kpi.milestoneReached(event.returnId(), "REJECTED", at));
    }

    @EventHandler
    void on(ReturnCancelled event, @Timestamp Instant at) {
        write(kpi -> kpi.milestoneReached(event.returnId(), "CANCELLED", at));
    }

    @EventHandler
    void on(ReturnExpired event, @Timestamp Instant at) {
        write(kpi -> kpi.milestoneReached(event.returnId(), "EXPIRED", at));
    }

    @EventHandler
    void on(ReturnCompleted event, @Timestamp Instant at) {
        write(kpi -> kpi.milestoneReached(event.returnId(), "COMPLETED", at));
    }

    @EventHandler
    void on(CustomerNotified event, @Timestamp Instant at) {
        write(kpi -> kpi.customerNotified(event.returnId(), event.milestone(), at));
    }

    /** A replay rebuilds the KPI base from the first event. */
    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    @QueryHandler
    public KpiReport handle(FindKpis query) {
        return repository.report(query.from(), query.to(), query.channel());
    }

    /**
     * Records an event's change: with the batch when batching applies (the default, see
     * {@code omnireturns.kpi.batch-writes}), written when it commits ({@link KpiBatch}); else at once, in a
     * savepoint of its own.
     */
    private void write(Consumer<KpiWrites> change) {
        if (batchedWrites.appliesToCurrentEvent(KpiBatch.RESOURCE)) {
            change.accept(KpiBatch.current(repository, batchedWrites));
            return;
        }
        savepoint.executeWithoutResult(status -> change.accept(repository));
    }
}
