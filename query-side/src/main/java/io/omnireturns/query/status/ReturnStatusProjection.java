package io.omnireturns.query.status;

import io.omnireturns.api.query.FindReturnStatus;
import io.omnireturns.api.query.ReturnPage;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SearchReturns;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.ClawbackChargeFailed;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;

/**
 * The canonical status view: one row per return, built from the return's events and answering the status
 * and search queries.
 * <p>
 * Idempotent: the view remembers the sequence number of the last event it applied and skips any event at or
 * below it, so redelivery after a stolen claim and replays change nothing. Each handler names what its event does
 * to the view ({@link ReturnStatusDraft}); {@link StatusViewChanges} brings the change to the stored view, in the
 * processor's transaction, batched or event by event. The handlers stay together in this class, which holds the
 * view's one {@code StatusViewChanges}: its batching state (a failed batch turns batching off for a while) covers
 * every event of the view.
 */
@Component
@ProcessingGroup(ReturnStatusProjection.PROCESSING_GROUP)
public class ReturnStatusProjection {

    public static final String PROCESSING_GROUP = "return-status";

    private final ReturnStatusRepository repository;
    private final StatusViewChanges changes;

    public ReturnStatusProjection(ReturnStatusRepository repository, QueryUpdateEmitter updateEmitter,
                                  PlatformTransactionManager transactionManager, StatusViewProperties properties,
                                  @Value(AxonInfrastructureConfiguration.ENGINE_OPTIMISED) boolean engineOptimised) {
        this.repository = repository;
        this.changes = new StatusViewChanges(repository, updateEmitter, transactionManager, properties,
                engineOptimised);
    }

    @EventHandler
    void on(ReturnRequested event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.request(event, sequence, at);
    }

    @EventHandler
    void on(ReturnAuthorized event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnRejected event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnLabelIssued event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnParcelInTransit event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnItemsReceived event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnLinesInspected event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnInspectionCompleted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(RefundApproved event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(RefundRequested event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(RefundIssued event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(RefundFailed event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(CreditMemoPosted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(RefundTaxRequested event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(RefundTaxCalculated event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(RefundTaxApplied event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(InventoryAdjusted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(LoyaltyAdjusted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(CustomerNotified event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnPutOnHold event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnHoldResolved event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(FraudAssessed event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(WarehouseAdvised event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(RefundSettled event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReplacementOrderCreated event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(StepAttemptFailed event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ExceptionRaised event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ExceptionResolved event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnCancelled event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnDeclined event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnLinesKept event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(CustomerTrustAssessed event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(GoodwillGranted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnNoteAdded event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnExpired event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    @EventHandler
    void on(ReturnCompleted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, ReturnStatusDraft::on);
    }

    /** A replay rebuilds the view from the first event; the processor calls this before it starts over. */
    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    @QueryHandler
    public ReturnStatusView handle(FindReturnStatus query) {
        return repository.find(query.returnId()).orElse(null);
    }

    /** The views of these returns as stored now (live updates re-read them once per notification). */
    public java.util.List<ReturnStatusView> views(java.util.Collection<String> returnIds) {
        return repository.findAll(returnIds);
    }

    /** The views last changed by an event at or after {@code since}, newest first, at most {@code limit}. */
    public java.util.List<ReturnStatusView> viewsUpdatedSince(Instant since, int limit) {
        return repository.updatedSince(since, limit);
    }

    @QueryHandler
    public ReturnPage handle(SearchReturns query) {
        int size = Math.min(Math.max(query.size(), 1), SearchReturns.MAX_PAGE_SIZE);
        return repository.search(query, Math.max(query.page(), 0), size);
    }

    @EventHandler
    void on(EarlyRefundGranted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
    }

    @EventHandler
    void on(ClawbackDecided event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, (draft, e, stamp) -> draft.told(stamp,
                InstantRefundWording.of(e, draft.isExchange())));
    }

    @EventHandler
    void on(ClawbackCharged event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
    }

    @EventHandler
    void on(EarlyExchangeGranted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
    }

    @EventHandler
    void on(ClawbackMemoPosted event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
    }

    @EventHandler
    void on(LoyaltyPointsRestored event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
    }

    @EventHandler
    void on(ClawbackChargeFailed event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        changes.apply(event, sequence, at, (draft, e, stamp) -> draft.told(stamp, InstantRefundWording.of(e)));
    }
}
