package io.omnireturns.query.status;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.HoldView;
import io.omnireturns.api.query.NoteView;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.TrustView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A return's status view opened for change: read from the stored view, changed by one event, written back
 * as a new view. It knows what each return event means for the view; it knows nothing of Axon or SQL.
 * It hands each event to the parts it concerns: {@link HeaderStatusDraft} the status and the hold,
 * {@link ReturnLinesDraft} the lines, {@link RefundDraft} the money, {@link SystemStatesDraft} the external systems
 * and {@link TimelineDraft} the sentence {@link TimelineWording} tells of it. The events that concern only the
 * external systems are taken in {@link SystemReportsDraft}. What the request fixed, the notes and the trust
 * assessment are kept here.
 */
@PlainJava
final class ReturnStatusDraft extends SystemReportsDraft {

    private final String returnId;
    private final String orderId;
    private final String customerId;
    private final SalesChannel channel;
    private final String storeId;
    private final RefundMethod refundMethod;
    private final String currency;
    private final Instant createdAt;

    private final HeaderStatusDraft header;
    private final ReturnLinesDraft lines;
    private final RefundDraft refund;
    private final List<NoteView> notes = new ArrayList<>();
    private TrustView trust;

    private ReturnStatusDraft(String returnId, String orderId, String customerId, SalesChannel channel,
                              String storeId, RefundMethod refundMethod, String currency, Instant createdAt,
                              HeaderStatusDraft header, ReturnLinesDraft lines, RefundDraft refund,
                              SystemStatesDraft systems, TimelineDraft timeline) {
        super(systems, timeline);
        this.returnId = returnId;
        this.orderId = orderId;
        this.customerId = customerId;
        this.channel = channel;
        this.storeId = storeId;
        this.refundMethod = refundMethod;
        this.currency = currency;
        this.createdAt = createdAt;
        this.header = header;
        this.lines = lines;
        this.refund = refund;
    }

    /** The first view of a return; product details come from the order snapshot taken at request time. */
    static ReturnStatusDraft requested(ReturnRequested event, EventStamp stamp) {
        OrderSnapshot order = event.order();
        ReturnStatusDraft draft = new ReturnStatusDraft(event.returnId(), event.orderId(), event.customerId(),
                event.channel(), event.storeId(), event.refundMethod(), order.currency(), stamp.at(),
                HeaderStatusDraft.requested(), ReturnLinesDraft.requested(event.returnId(), event.lines(), order),
                RefundDraft.none(order.currency()), new SystemStatesDraft(), TimelineDraft.empty());
        draft.systems.on(event, stamp);
        draft.timeline.add(stamp, TimelineWording.of(event));
        return draft;
    }

    /** Opens a stored view for change, with the normal states of the systems it shows covered. */
    static ReturnStatusDraft of(ReturnStatusView view, List<SystemStateView> underlyingSystems) {
        ReturnStatusDraft draft = new ReturnStatusDraft(view.returnId(), view.orderId(), view.customerId(),
                view.channel(), view.storeId(), view.refundMethod(), view.currency(), view.createdAt(),
                HeaderStatusDraft.of(view.status(), view.hold()), ReturnLinesDraft.of(view.returnId(), view.lines()),
                RefundDraft.of(view.refund()),
                SystemStatesDraft.of(view.systems(), underlyingSystems, view.openExceptions()),
                TimelineDraft.of(view.timeline(), view.updatedAt(), view.version()));
        draft.notes.addAll(view.notes());
        draft.trust = view.trust();
        return draft;
    }

    ReturnStatusView toView() {
        return new ReturnStatusView(returnId, orderId, customerId, channel, storeId, header.status(), header.hold(),
                systems.openExceptions(), refundMethod, currency, createdAt, timeline.updatedAt(), lines.toViews(),
                refund.toView(), systems.shown(), timeline.entries(), notes, trust, timeline.version());
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
        return timeline.version();
    }

    void on(ReturnAuthorized event, EventStamp stamp) {
        lines.decided(event.decisions());
        header.moveTo(ReturnStatus.AUTHORIZED);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnRejected event, EventStamp stamp) {
        lines.decided(event.decisions());
        header.moveTo(ReturnStatus.REJECTED);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnParcelInTransit event, EventStamp stamp) {
        lines.parcelInTransit();
        header.moveTo(ReturnStatus.IN_TRANSIT);
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnItemsReceived event, EventStamp stamp) {
        int received = lines.received(event);
        if (lines.anyReceived()) {
            header.received();
        }
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event, received));
    }

    void on(ReturnLinesInspected event, EventStamp stamp) {
        lines.inspected(event);
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnInspectionCompleted event, EventStamp stamp) {
        lines.shortBy(event.shortQuantitiesByLine());
        header.inspected();
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(RefundApproved event, EventStamp stamp) {
        RefundBreakdown breakdown = event.breakdown();
        lines.refundApproved(breakdown.lines(), currency);
        refund.approved(breakdown, stamp.at());
        if (breakdown.total().isZero()) {
            // nothing to pay: the aggregate counts it refunded without asking the payment gateway
            lines.refunded();
            header.moveTo(ReturnStatus.REFUNDED);
        }
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(RefundRequested event, EventStamp stamp) {
        refund.requested(event.amount(), stamp.at());
        header.moveTo(ReturnStatus.REFUND_PENDING);
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(RefundIssued event, EventStamp stamp) {
        lines.refunded();
        refund.issued(event.amount(), event.gatewayReference(), stamp.at());
        header.refundConfirmed();
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(RefundFailed event, EventStamp stamp) {
        refund.failed(event, stamp.at());
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(RefundTaxApplied event, EventStamp stamp) {
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(InventoryAdjusted event, EventStamp stamp) {
        lines.inventoryAdjusted(event.orderLineId(), event.quantity());
        systems.on(event, lines.inventoryBooked(), lines.inventoryToBook(), stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnPutOnHold event, EventStamp stamp) {
        header.putOnHold(event, stamp.at());
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    /** Resuming after an inspection mismatch confirms the inspected quantities. */
    void on(ReturnHoldResolved event, EventStamp stamp) {
        HoldView resolved = header.holdResolved(event);
        systems.on(event, resolved, stamp);
        if (resolved != null && resolved.reason() == HoldReason.INSPECTION_MISMATCH
                && event.decision() == HoldDecision.RESUME) {
            lines.reviewed();
        }
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(CustomerTrustAssessed event, EventStamp stamp) {
        trust = new TrustView(event.tier(), event.signals(), event.lookBackDays(), event.returns(),
                event.returnedValue(), event.purchasedValue(), event.returnRateBasisPoints(),
                event.returnsLast30Days(), event.keepItReturns(), event.instantRefunds());
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(RefundSettled event, EventStamp stamp) {
        String reference = refund.settled(event.gatewayReference(), stamp.at());
        systems.on(event, reference, stamp);
        timeline.add(stamp, TimelineWording.of(event, reference));
    }

    /** An exchange: the replacement order takes the place of the money, so the return counts as refunded. */
    void on(ReplacementOrderCreated event, EventStamp stamp) {
        refund.exchanged(event.replacementOrderId(), stamp.at());
        header.moveTo(ReturnStatus.REFUNDED);
        systems.on(event, stamp);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnCancelled event, EventStamp stamp) {
        header.moveTo(ReturnStatus.CANCELLED);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnDeclined event, EventStamp stamp) {
        header.declined();
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnLinesKept event, EventStamp stamp) {
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(GoodwillGranted event, EventStamp stamp) {
        timeline.add(stamp, TimelineWording.of(event));
    }

    /** The text stays in {@code notes}; the timeline only says a note was written, and by whom. */
    void on(ReturnNoteAdded event, EventStamp stamp) {
        notes.removeIf(note -> note.noteId().equals(event.noteId()));
        notes.add(new NoteView(event.noteId(), event.author(), event.text(), stamp.at()));
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnExpired event, EventStamp stamp) {
        header.moveTo(ReturnStatus.EXPIRED);
        timeline.add(stamp, TimelineWording.of(event));
    }

    void on(ReturnCompleted event, EventStamp stamp) {
        header.moveTo(ReturnStatus.COMPLETED);
        timeline.add(stamp, TimelineWording.of(event));
    }

    /** An event that only adds its sentence to the timeline (an early refund and its clawback). */
    void told(EventStamp stamp, String sentence) {
        timeline.add(stamp, sentence);
    }
}
