package io.omnireturns.query.status;

import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.HoldView;
import io.omnireturns.api.query.NoteView;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.TrustView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.query.TimelineEntry;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.CaseOpened;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A return's status view opened for change: read from the stored view, changed by one event, written back
 * as a new view. It knows what each return event means for the view; it knows nothing of Axon or SQL.
 * The status transitions mirror the return aggregate's, so agents see the status the command side enforces.
 * Its parts take the event too: {@link SystemStatesDraft} what the external systems show (and the open
 * exceptions covering them), {@link RefundDraft} the money, {@link ReturnLineDraft} each line; this class keeps
 * the status, the hold, the notes and the timeline, worded by {@link TimelineWording}.
 */
final class ReturnStatusDraft {

    private final String returnId;
    private final String orderId;
    private final String customerId;
    private final SalesChannel channel;
    private final String storeId;
    private final RefundMethod refundMethod;
    private final String currency;
    private final Instant createdAt;

    private ReturnStatus status;
    private HoldView hold;
    private Instant updatedAt;
    private long version;
    private final Map<String, ReturnLineDraft> lines = new LinkedHashMap<>();
    private final SystemStatesDraft systems;
    private final RefundDraft refund;
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final List<NoteView> notes = new ArrayList<>();
    private TrustView trust;

    private ReturnStatusDraft(String returnId, String orderId, String customerId, SalesChannel channel,
                              String storeId, RefundMethod refundMethod, String currency, Instant createdAt,
                              SystemStatesDraft systems, RefundDraft refund) {
        this.returnId = returnId;
        this.orderId = orderId;
        this.customerId = customerId;
        this.channel = channel;
        this.storeId = storeId;
        this.refundMethod = refundMethod;
        this.currency = currency;
        this.createdAt = createdAt;
        this.systems = systems;
        this.refund = refund;
    }

    /** The first view of a return; product details come from the order snapshot taken at request time. */
    static ReturnStatusDraft requested(ReturnRequested event, EventStamp stamp) {
        OrderSnapshot order = event.order();
        ReturnStatusDraft draft = new ReturnStatusDraft(event.returnId(), event.orderId(), event.customerId(),
                event.channel(), event.storeId(), event.refundMethod(), order.currency(), stamp.at(),
                new SystemStatesDraft(), RefundDraft.none(order.currency()));
        draft.status = ReturnStatus.REQUESTED;
        for (RequestedLine requested : event.lines()) {
            OrderLine orderLine = order.line(requested.orderLineId()).orElse(null);
            draft.lines.put(requested.orderLineId(), ReturnLineDraft.requested(requested.orderLineId(),
                    orderLine == null ? null : orderLine.sku(),
                    orderLine == null ? null : orderLine.description(),
                    requested.reason(), requested.replacementSku(), requested.quantity()));
        }
        draft.systems.on(event, stamp);
        draft.milestone(stamp, TimelineWording.of(event));
        return draft;
    }

    /** Opens a stored view for change, with the normal states of the systems it shows covered. */
    static ReturnStatusDraft of(ReturnStatusView view, List<SystemStateView> underlyingSystems) {
        ReturnStatusDraft draft = new ReturnStatusDraft(view.returnId(), view.orderId(), view.customerId(),
                view.channel(), view.storeId(), view.refundMethod(), view.currency(), view.createdAt(),
                SystemStatesDraft.of(view.systems(), underlyingSystems, view.openExceptions()),
                RefundDraft.of(view.refund()));
        draft.status = view.status();
        draft.hold = view.hold();
        draft.updatedAt = view.updatedAt();
        draft.version = view.version();
        view.lines().forEach(line -> draft.lines.put(line.orderLineId(), ReturnLineDraft.of(line)));
        draft.timeline.addAll(view.timeline());
        draft.notes.addAll(view.notes());
        draft.trust = view.trust();
        return draft;
    }

    ReturnStatusView toView() {
        List<ReturnLineView> lineViews = lines.values().stream().map(ReturnLineDraft::toView).toList();
        return new ReturnStatusView(returnId, orderId, customerId, channel, storeId, status, hold,
                systems.openExceptions(), refundMethod, currency, createdAt, updatedAt, lineViews, refund.toView(),
                systems.shown(), timeline, notes, trust, version);
    }

    /** The normal states that something covers in the view; stored beside it, never shown. */
    List<SystemStateView> underlyingSystems() {
        return systems.underlyingSystems();
    }

    /** Whether the return is settled by an exchange rather than money. */
    boolean isExchange() {
        return refundMethod == RefundMethod.EXCHANGE;
    }

    /** Sequence number of the last event applied. */
    long version() {
        return version;
    }

    void on(ReturnAuthorized event, EventStamp stamp) {
        event.decisions().forEach(decision -> line(decision.orderLineId()).decided(decision));
        status = ReturnStatus.AUTHORIZED;
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnRejected event, EventStamp stamp) {
        event.decisions().forEach(decision -> line(decision.orderLineId()).decided(decision));
        status = ReturnStatus.REJECTED;
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnLabelIssued event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnParcelInTransit event, EventStamp stamp) {
        lines.values().forEach(ReturnLineDraft::parcelInTransit);
        status = ReturnStatus.IN_TRANSIT;
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnItemsReceived event, EventStamp stamp) {
        int received = 0;
        for (ReceivedLine receivedLine : event.lines()) {
            ReturnLineDraft line = line(receivedLine.orderLineId());
            // same rule as the aggregate: only a line it flagged, holding another SKU, is a wrong item
            if (event.wrongItemLineIds().contains(receivedLine.orderLineId()) && receivedLine.isWrongItem(line.sku)) {
                line.wrongItemReceived(receivedLine.quantity());
            } else {
                line.received(receivedLine.quantity());
                received += receivedLine.quantity();
            }
        }
        if (lines.values().stream().anyMatch(line -> line.receivedQuantity > 0) && !refundedEarly()) {
            status = ReturnStatus.RECEIVED;
        }
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event, received));
    }

    void on(ReturnLinesInspected event, EventStamp stamp) {
        event.lines().forEach(inspected -> line(inspected.orderLineId()).inspected(inspected));
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnInspectionCompleted event, EventStamp stamp) {
        event.shortQuantitiesByLine().forEach((lineId, quantity) -> {
            if (quantity > 0) {
                line(lineId).shortBy(quantity);
            }
        });
        if (!refundedEarly()) {
            status = ReturnStatus.INSPECTED;
        }
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(RefundApproved event, EventStamp stamp) {
        RefundBreakdown breakdown = event.breakdown();
        Map<String, LineRefund> refundsByLine = breakdown.lines().stream()
                .collect(Collectors.toMap(LineRefund::orderLineId, lineRefund -> lineRefund));
        lines.values().forEach(line -> line.refundApproved(refundsByLine.get(line.orderLineId), currency));
        refund.approved(breakdown, stamp.at());
        if (breakdown.total().isZero()) {
            // nothing to pay: the aggregate counts it refunded without asking the payment gateway
            lines.values().forEach(ReturnLineDraft::refunded);
            status = ReturnStatus.REFUNDED;
        }
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(RefundRequested event, EventStamp stamp) {
        refund.requested(event.amount(), stamp.at());
        status = ReturnStatus.REFUND_PENDING;
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(RefundIssued event, EventStamp stamp) {
        lines.values().forEach(ReturnLineDraft::refunded);
        refund.issued(event.amount(), event.gatewayReference(), stamp.at());
        if (status == ReturnStatus.ON_HOLD && hold != null) {
            // a late confirmation while the return waits for a person: it resumes as refunded, like the aggregate
            hold = new HoldView(hold.reason(), hold.system(), hold.detail(), ReturnStatus.REFUNDED, hold.since());
        } else {
            status = ReturnStatus.REFUNDED;
        }
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(RefundFailed event, EventStamp stamp) {
        refund.failed(event, stamp.at());
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(CreditMemoPosted event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(RefundTaxRequested event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(RefundTaxCalculated event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(RefundTaxApplied event, EventStamp stamp) {
        milestone(stamp, TimelineWording.of(event));
    }

    void on(InventoryAdjusted event, EventStamp stamp) {
        line(event.orderLineId()).inventoryAdjusted(event.quantity());
        int toBook = lines.values().stream().filter(ReturnLineDraft::isInspected)
                .mapToInt(line -> line.receivedQuantity).sum();
        int booked = lines.values().stream().mapToInt(line -> line.inventoryAdjustedQuantity).sum();
        systems.on(event, booked, toBook, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(LoyaltyAdjusted event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(CustomerNotified event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnPutOnHold event, EventStamp stamp) {
        status = ReturnStatus.ON_HOLD;
        hold = new HoldView(event.reason(), event.system(), event.detail(), event.heldFrom(), stamp.at());
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnHoldResolved event, EventStamp stamp) {
        HoldView resolved = hold;
        status = event.resumedAs();
        hold = null;
        systems.on(event, resolved, stamp);
        if (resolved != null && resolved.reason() == HoldReason.INSPECTION_MISMATCH
                && event.decision() == HoldDecision.RESUME) {
            lines.values().forEach(ReturnLineDraft::reviewed);
        }
        milestone(stamp, TimelineWording.of(event));
    }

    void on(FraudAssessed event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(CustomerTrustAssessed event, EventStamp stamp) {
        trust = new TrustView(event.tier(), event.signals(), event.lookBackDays(), event.returns(),
                event.returnedValue(), event.purchasedValue(), event.returnRateBasisPoints(),
                event.returnsLast30Days(), event.keepItReturns(), event.instantRefunds());
        milestone(stamp, TimelineWording.of(event));
    }

    void on(WarehouseAdvised event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(RefundSettled event, EventStamp stamp) {
        String reference = refund.settled(event.gatewayReference(), stamp.at());
        systems.on(event, reference, stamp);
        milestone(stamp, TimelineWording.of(event, reference));
    }

    /** An exchange: the replacement order takes the place of the money, so the return counts as refunded. */
    void on(ReplacementOrderCreated event, EventStamp stamp) {
        refund.exchanged(event.replacementOrderId(), stamp.at());
        status = ReturnStatus.REFUNDED;
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(StepAttemptFailed event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ExceptionRaised event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(CaseOpened event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ExceptionResolved event, EventStamp stamp) {
        systems.on(event, stamp);
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnCancelled event, EventStamp stamp) {
        status = ReturnStatus.CANCELLED;
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnDeclined event, EventStamp stamp) {
        status = ReturnStatus.REJECTED;
        hold = null;
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnLinesKept event, EventStamp stamp) {
        milestone(stamp, TimelineWording.of(event));
    }

    void on(GoodwillGranted event, EventStamp stamp) {
        milestone(stamp, TimelineWording.of(event));
    }

    /** The text stays in {@code notes}; the timeline only says a note was written, and by whom. */
    void on(ReturnNoteAdded event, EventStamp stamp) {
        notes.removeIf(note -> note.noteId().equals(event.noteId()));
        notes.add(new NoteView(event.noteId(), event.author(), event.text(), stamp.at()));
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnExpired event, EventStamp stamp) {
        status = ReturnStatus.EXPIRED;
        milestone(stamp, TimelineWording.of(event));
    }

    void on(ReturnCompleted event, EventStamp stamp) {
        status = ReturnStatus.COMPLETED;
        milestone(stamp, TimelineWording.of(event));
    }

    private ReturnLineDraft line(String orderLineId) {
        ReturnLineDraft line = lines.get(orderLineId);
        if (line == null) {
            throw new IllegalStateException("return " + returnId + " has no line " + orderLineId);
        }
        return line;
    }

    /** An event that only adds its sentence to the timeline (an early refund and its clawback). */
    void told(EventStamp stamp, String sentence) {
        milestone(stamp, sentence);
    }

    /**
     * Refunded at the first carrier scan: the money went first, so the parcel's receipt and inspection leave the
     * status where the refund took it (the aggregate refuses them in these statuses for any other return).
     */
    private boolean refundedEarly() {
        return status == ReturnStatus.REFUND_PENDING || status == ReturnStatus.REFUNDED;
    }

    private void milestone(EventStamp stamp, String description) {
        timeline.add(new TimelineEntry(stamp.at(), stamp.sequenceNumber(), stamp.eventName(), description));
        updatedAt = stamp.at();
        version = stamp.sequenceNumber();
    }
}
