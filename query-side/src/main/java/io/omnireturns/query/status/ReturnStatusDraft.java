package io.omnireturns.query.status;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.HoldView;
import io.omnireturns.api.query.RefundFailureView;
import io.omnireturns.api.query.RefundView;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.SystemStateView;
import io.omnireturns.api.query.TimelineEntry;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnHoldResolved;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A return's status view opened for change: read from the stored view, changed by one event, written back
 * as a new view. It knows what each return event means for the view; it knows nothing of Axon or SQL.
 * The status transitions mirror the return aggregate's, so agents see the status the command side enforces.
 */
final class ReturnStatusDraft {

    static final String NOT_STARTED = "NOT_STARTED";

    private static final Set<HoldReason> FAILURES =
            EnumSet.of(HoldReason.REFUND_FAILED, HoldReason.POSTING_FAILED, HoldReason.INTEGRATION_FAILURE);

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
    private final Map<ExternalSystem, SystemStateView> systems = new EnumMap<>(ExternalSystem.class);
    private final List<TimelineEntry> timeline = new ArrayList<>();

    private Money approvedTotal;
    private Money shippingRefund;
    private Money restockingFees;
    private List<TenderRefund> tenderSplit = List.of();
    private Money requestedAmount;
    private Money refundedTotal;
    private String gatewayReference;
    private final List<RefundFailureView> refundFailures = new ArrayList<>();
    private Instant approvedAt;
    private Instant requestedAt;
    private Instant refundedAt;

    private ReturnStatusDraft(String returnId, String orderId, String customerId, SalesChannel channel,
                              String storeId, RefundMethod refundMethod, String currency, Instant createdAt) {
        this.returnId = returnId;
        this.orderId = orderId;
        this.customerId = customerId;
        this.channel = channel;
        this.storeId = storeId;
        this.refundMethod = refundMethod;
        this.currency = currency;
        this.createdAt = createdAt;
        for (ExternalSystem system : ExternalSystem.values()) {
            systems.put(system, new SystemStateView(system, NOT_STARTED, null, null, null));
        }
    }

    /** The first view of a return; product details come from the order snapshot taken at request time. */
    static ReturnStatusDraft requested(ReturnRequested event, EventStamp stamp) {
        OrderSnapshot order = event.order();
        ReturnStatusDraft draft = new ReturnStatusDraft(event.returnId(), event.orderId(), event.customerId(),
                event.channel(), event.storeId(), event.refundMethod(), order.currency(), stamp.at());
        draft.status = ReturnStatus.REQUESTED;
        draft.refundedTotal = Money.zero(order.currency());
        int items = 0;
        for (RequestedLine requested : event.lines()) {
            OrderLine orderLine = order.line(requested.orderLineId()).orElse(null);
            draft.lines.put(requested.orderLineId(), ReturnLineDraft.requested(requested.orderLineId(),
                    orderLine == null ? null : orderLine.sku(),
                    orderLine == null ? null : orderLine.description(),
                    requested.reason(), requested.quantity()));
            items += requested.quantity();
        }
        draft.system(ExternalSystem.ORDER, "LOOKED_UP", event.orderId(), null, stamp);
        draft.milestone(stamp, "Return of " + items + " item(s) requested via " + event.channel()
                + (event.storeId() == null ? "" : " at store " + event.storeId())
                + " for order " + event.orderId() + ", refund to " + event.refundMethod());
        return draft;
    }

    static ReturnStatusDraft of(ReturnStatusView view) {
        ReturnStatusDraft draft = new ReturnStatusDraft(view.returnId(), view.orderId(), view.customerId(),
                view.channel(), view.storeId(), view.refundMethod(), view.currency(), view.createdAt());
        draft.status = view.status();
        draft.hold = view.hold();
        draft.updatedAt = view.updatedAt();
        draft.version = view.version();
        view.lines().forEach(line -> draft.lines.put(line.orderLineId(), ReturnLineDraft.of(line)));
        view.systems().forEach(system -> draft.systems.put(system.system(), system));
        draft.timeline.addAll(view.timeline());
        RefundView refund = view.refund();
        draft.approvedTotal = refund.approvedTotal();
        draft.shippingRefund = refund.shippingRefund();
        draft.restockingFees = refund.restockingFees();
        draft.tenderSplit = refund.tenderSplit();
        draft.requestedAmount = refund.requestedAmount();
        draft.refundedTotal = refund.refundedTotal();
        draft.gatewayReference = refund.gatewayReference();
        draft.refundFailures.addAll(refund.failures());
        draft.approvedAt = refund.approvedAt();
        draft.requestedAt = refund.requestedAt();
        draft.refundedAt = refund.refundedAt();
        return draft;
    }

    ReturnStatusView toView() {
        List<ReturnLineView> lineViews = lines.values().stream().map(ReturnLineDraft::toView).toList();
        RefundView refund = new RefundView(approvedTotal, shippingRefund, restockingFees, tenderSplit,
                requestedAmount, refundedTotal, gatewayReference, refundFailures, approvedAt, requestedAt, refundedAt);
        return new ReturnStatusView(returnId, orderId, customerId, channel, storeId, status, hold, refundMethod,
                currency, createdAt, updatedAt, lineViews, refund, List.copyOf(systems.values()), timeline, version);
    }

    void on(ReturnAuthorized event, EventStamp stamp) {
        event.decisions().forEach(decision -> line(decision.orderLineId()).decided(decision));
        status = ReturnStatus.AUTHORIZED;
        int requested = event.decisions().stream().mapToInt(LineDecision::requestedQuantity).sum();
        int authorized = event.decisions().stream().mapToInt(LineDecision::authorizedQuantity).sum();
        String reasons = reasonCodes(event.decisions());
        milestone(stamp, "Authorized " + authorized + " of " + requested + " requested item(s)"
                + (reasons.isEmpty() ? "" : "; " + reasons));
    }

    void on(ReturnRejected event, EventStamp stamp) {
        event.decisions().forEach(decision -> line(decision.orderLineId()).decided(decision));
        status = ReturnStatus.REJECTED;
        String reasons = reasonCodes(event.decisions());
        milestone(stamp, "Rejected" + (reasons.isEmpty() ? "" : ": " + reasons));
    }

    void on(ReturnLabelIssued event, EventStamp stamp) {
        system(ExternalSystem.CARRIER, "LABEL_ISSUED", event.trackingNumber(), event.carrier(), stamp);
        milestone(stamp, "Return label issued by " + event.carrier() + ", tracking " + event.trackingNumber());
    }

    void on(ReturnParcelInTransit event, EventStamp stamp) {
        lines.values().forEach(ReturnLineDraft::parcelInTransit);
        status = ReturnStatus.IN_TRANSIT;
        system(ExternalSystem.CARRIER, "IN_TRANSIT", event.trackingNumber(), event.carrier(), stamp);
        milestone(stamp, "Parcel in transit with " + event.carrier() + ", tracking " + event.trackingNumber());
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
        if (lines.values().stream().anyMatch(line -> line.receivedQuantity > 0)) {
            status = ReturnStatus.RECEIVED;
        }
        if (!NOT_STARTED.equals(systems.get(ExternalSystem.CARRIER).state())) {
            SystemStateView carrier = systems.get(ExternalSystem.CARRIER);
            system(ExternalSystem.CARRIER, "DELIVERED", carrier.reference(), carrier.detail(), stamp);
        }
        system(ExternalSystem.WAREHOUSE, "RECEIVED", event.receiptId(), "at " + event.locationId(), stamp);
        milestone(stamp, "Received " + received + " item(s) at " + event.locationId() + " (receipt " + event.receiptId()
                + ")" + (event.wrongItemLineIds().isEmpty() ? ""
                : "; wrong item for line(s) " + String.join(", ", event.wrongItemLineIds())));
    }

    void on(ReturnLinesInspected event, EventStamp stamp) {
        event.lines().forEach(inspected -> line(inspected.orderLineId()).inspected(inspected));
        int accepted = event.lines().stream().mapToInt(InspectedLine::acceptedQuantity).sum();
        int rejected = event.lines().stream().mapToInt(InspectedLine::rejectedQuantity).sum();
        system(ExternalSystem.WAREHOUSE, "INSPECTING", event.inspectionId(), null, stamp);
        milestone(stamp, "Inspected " + event.lines().size() + " line(s): " + accepted + " item(s) accepted, "
                + rejected + " rejected (inspection " + event.inspectionId() + ")");
    }

    void on(ReturnInspectionCompleted event, EventStamp stamp) {
        event.shortQuantitiesByLine().forEach((lineId, quantity) -> {
            if (quantity > 0) {
                line(lineId).shortBy(quantity);
            }
        });
        status = ReturnStatus.INSPECTED;
        system(ExternalSystem.WAREHOUSE, "INSPECTED", systems.get(ExternalSystem.WAREHOUSE).reference(), null, stamp);
        String shorts = event.shortQuantitiesByLine().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + " short by " + entry.getValue())
                .collect(Collectors.joining(", "));
        milestone(stamp, "Inspection completed" + (shorts.isEmpty() ? "" : "; " + shorts)
                + (event.awaitingReview() ? "; awaiting manual review" : ""));
    }

    void on(RefundApproved event, EventStamp stamp) {
        RefundBreakdown breakdown = event.breakdown();
        Map<String, LineRefund> refundsByLine = breakdown.lines().stream()
                .collect(Collectors.toMap(LineRefund::orderLineId, refund -> refund));
        lines.values().forEach(line -> line.refundApproved(refundsByLine.get(line.orderLineId), currency));
        approvedTotal = breakdown.total();
        shippingRefund = breakdown.shippingRefund();
        restockingFees = breakdown.restockingFees();
        tenderSplit = breakdown.tenders();
        approvedAt = stamp.at();
        if (breakdown.total().isZero()) {
            // nothing to pay: the aggregate counts it refunded without asking the payment gateway
            lines.values().forEach(ReturnLineDraft::refunded);
            refundedAt = stamp.at();
            status = ReturnStatus.REFUNDED;
            system(ExternalSystem.PAYMENT, "NOT_REQUIRED", null, "nothing to refund", stamp);
        }
        milestone(stamp, "Refund of " + breakdown.total() + " approved");
    }

    void on(RefundRequested event, EventStamp stamp) {
        requestedAmount = event.amount();
        requestedAt = stamp.at();
        status = ReturnStatus.REFUND_PENDING;
        system(ExternalSystem.PAYMENT, "REQUESTED", event.idempotencyKey(), null, stamp);
        milestone(stamp, "Refund of " + event.amount() + " requested from the payment gateway");
    }

    void on(RefundIssued event, EventStamp stamp) {
        lines.values().forEach(ReturnLineDraft::refunded);
        refundedTotal = event.amount();
        gatewayReference = event.gatewayReference();
        refundedAt = stamp.at();
        status = ReturnStatus.REFUNDED;
        system(ExternalSystem.PAYMENT, "REFUNDED", event.gatewayReference(), null, stamp);
        milestone(stamp, "Refund of " + event.amount() + " confirmed by the payment gateway ("
                + event.gatewayReference() + ")");
    }

    void on(RefundFailed event, EventStamp stamp) {
        refundFailures.add(new RefundFailureView(event.failureCode(), event.message(), event.finalFailure(), stamp.at()));
        String failure = event.failureCode() + ": " + event.message();
        system(ExternalSystem.PAYMENT, event.finalFailure() ? "FAILED" : "RETRYING",
                systems.get(ExternalSystem.PAYMENT).reference(), failure, stamp);
        milestone(stamp, "Refund failed, " + (event.finalFailure() ? "finally" : "will retry") + " (" + failure + ")");
    }

    void on(CreditMemoPosted event, EventStamp stamp) {
        system(ExternalSystem.ERP_CREDIT_MEMO, "POSTED", event.documentNumber(), event.amount().toString(), stamp);
        milestone(stamp, "Credit memo " + event.documentNumber() + " of " + event.amount() + " posted to the ERP");
    }

    void on(InventoryAdjusted event, EventStamp stamp) {
        line(event.orderLineId()).inventoryAdjusted(event.quantity());
        int toBook = lines.values().stream().filter(ReturnLineDraft::isInspected)
                .mapToInt(line -> line.receivedQuantity).sum();
        int booked = lines.values().stream().mapToInt(line -> line.inventoryAdjustedQuantity).sum();
        system(ExternalSystem.ERP_INVENTORY, booked >= toBook ? "ADJUSTED" : "PARTIALLY_ADJUSTED",
                event.adjustmentId(), booked + " of " + toBook + " item(s) booked", stamp);
        milestone(stamp, "Inventory adjusted: " + event.quantity() + " x " + event.sku() + " " + event.disposition()
                + (event.locationId() == null ? "" : " at " + event.locationId()));
    }

    void on(LoyaltyAdjusted event, EventStamp stamp) {
        system(ExternalSystem.LOYALTY, "ADJUSTED", event.reference(), event.pointsReversed() + " point(s) reversed",
                stamp);
        milestone(stamp, event.pointsReversed() + " loyalty point(s) reversed");
    }

    void on(CustomerNotified event, EventStamp stamp) {
        system(ExternalSystem.CRM, "NOTIFIED", event.milestone(), "by " + event.notificationChannel(), stamp);
        milestone(stamp, "Customer notified by " + event.notificationChannel() + ": " + event.milestone());
    }

    void on(ReturnPutOnHold event, EventStamp stamp) {
        status = ReturnStatus.ON_HOLD;
        hold = new HoldView(event.reason(), event.system(), event.detail(), event.heldFrom(), stamp.at());
        if (event.system() != null) {
            system(event.system(), FAILURES.contains(event.reason()) ? "FAILED" : "ON_HOLD",
                    systems.get(event.system()).reference(), event.detail(), stamp);
        }
        milestone(stamp, "On hold for " + event.reason()
                + (event.system() == null ? "" : " (" + event.system() + ")") + ": " + event.detail());
    }

    void on(ReturnHoldResolved event, EventStamp stamp) {
        HoldView resolved = hold;
        status = event.resumedAs();
        hold = null;
        if (resolved != null && resolved.system() != null) {
            system(resolved.system(), "RESOLVED", systems.get(resolved.system()).reference(),
                    event.decision() + " by " + event.resolvedBy(), stamp);
        }
        if (resolved != null && resolved.reason() == HoldReason.INSPECTION_MISMATCH
                && event.decision() == HoldDecision.RESUME) {
            lines.values().forEach(ReturnLineDraft::reviewed);
        }
        milestone(stamp, "Hold resolved by " + event.resolvedBy() + ": " + event.decision() + ", now "
                + event.resumedAs() + " (" + event.reason() + ")");
    }

    void on(ReturnCancelled event, EventStamp stamp) {
        status = ReturnStatus.CANCELLED;
        milestone(stamp, "Cancelled by " + event.cancelledBy() + ": " + event.reason());
    }

    void on(ReturnExpired event, EventStamp stamp) {
        status = ReturnStatus.EXPIRED;
        milestone(stamp, "Expired: the items were not received in time");
    }

    void on(ReturnCompleted event, EventStamp stamp) {
        status = ReturnStatus.COMPLETED;
        milestone(stamp, "Completed");
    }

    private ReturnLineDraft line(String orderLineId) {
        ReturnLineDraft line = lines.get(orderLineId);
        if (line == null) {
            throw new IllegalStateException("return " + returnId + " has no line " + orderLineId);
        }
        return line;
    }

    private void system(ExternalSystem system, String state, String reference, String detail, EventStamp stamp) {
        systems.put(system, new SystemStateView(system, state, reference, detail, stamp.at()));
    }

    private void milestone(EventStamp stamp, String description) {
        timeline.add(new TimelineEntry(stamp.at(), stamp.sequenceNumber(), stamp.eventName(), description));
        updatedAt = stamp.at();
        version = stamp.sequenceNumber();
    }

    private static String reasonCodes(List<LineDecision> decisions) {
        return decisions.stream().flatMap(decision -> decision.reasonCodes().stream()).distinct()
                .collect(Collectors.joining(", "));
    }
}
