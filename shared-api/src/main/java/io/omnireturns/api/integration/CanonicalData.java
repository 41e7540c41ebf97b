package io.omnireturns.api.integration;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ClawbackChargeFailed;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.DifferenceChargeFailed;
import io.omnireturns.api.returns.event.DifferenceCharged;
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
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.omnireturns.api.integration.CanonicalTypes.*;

/**
 * What each internal event says in the public contract: its canonical type(s) and data. Only the facts a consumer
 * may see pass: no free text (notes, reasons typed by people, gateway messages), no staff names, no tracking numbers
 * or label links, nothing of the order beyond SKUs, categories, prices and quantities.
 */
final class CanonicalData {

    /** One canonical event's type and data, before it gets its id and envelope. */
    record Typed(String type, Object data) {
    }

    private static final Map<Class<?>, Function<Object, List<Typed>>> MAPPINGS = new LinkedHashMap<>();

    static {
        on(ReturnRequested.class, e -> one(RETURN_INITIATED, initiated(e)));
        on(ReturnAuthorized.class, e -> one(RETURN_AUTHORIZED,
                new ReturnAuthorizedV1(e.returnId(), eligibility(e.decisions()))));
        on(ReturnRejected.class, e -> one(RETURN_REJECTED, new ReturnRejectedV1(e.returnId(), e.orderId(),
                ReturnRejectedV1.RejectedBy.POLICY.name(), null, eligibility(e.decisions()))));
        on(ReturnDeclined.class, e -> one(RETURN_REJECTED, new ReturnRejectedV1(e.returnId(), e.orderId(),
                ReturnRejectedV1.RejectedBy.STAFF.name(), e.reason().name(), List.of())));
        on(ReturnCancelled.class, e -> one(RETURN_CANCELLED, new ReturnCancelledV1(e.returnId(), e.orderId())));
        on(ReturnExpired.class, e -> one(RETURN_EXPIRED, new ReturnExpiredV1(e.returnId(), e.orderId())));
        on(ReturnLabelIssued.class, e -> one(LABEL_ISSUED, new ReturnLabelIssuedV1(e.returnId(), e.carrier())));
        on(ReturnParcelInTransit.class, e -> one(RETURN_IN_TRANSIT, new ReturnInTransitV1(e.returnId(), e.carrier())));
        on(ReturnItemsReceived.class, e -> one(RETURN_RECEIVED, received(e)));
        on(ReturnLinesInspected.class, e -> one(LINES_INSPECTED, linesInspected(e)));
        on(ReturnInspectionCompleted.class, e -> one(INSPECTION_COMPLETED, inspectionCompleted(e)));
        on(RefundApproved.class, e -> one(REFUND_APPROVED, refundApproved(e)));
        on(RefundIssued.class, e -> one(REFUND_ISSUED,
                new RefundIssuedV1(e.returnId(), e.gatewayReference(), e.amount())));
        on(RefundFailed.class, e -> one(REFUND_FAILED,
                new RefundFailedV1(e.returnId(), e.failureCode(), e.finalFailure())));
        on(RefundSettled.class, e -> one(REFUND_SETTLED, new RefundSettledV1(e.returnId(), e.gatewayReference())));
        on(CreditMemoPosted.class, e -> one(CREDIT_MEMO_POSTED,
                new CreditMemoPostedV1(e.returnId(), e.documentNumber(), e.amount())));
        on(InventoryAdjusted.class, e -> one(STOCK_ADJUSTED, new StockAdjustedV1(e.returnId(), e.adjustmentId(),
                e.orderLineId(), e.sku(), e.disposition().name(), e.locationId(), e.quantity())));
        on(ReplacementOrderCreated.class, e -> one(REPLACEMENT_ORDER_CREATED,
                new ReplacementOrderCreatedV1(e.returnId(), e.replacementOrderId())));
        on(DifferenceCharged.class, e -> one(DIFFERENCE_CHARGED,
                new DifferenceChargedV1(e.returnId(), e.gatewayReference(), e.amount())));
        on(DifferenceChargeFailed.class, e -> one(DIFFERENCE_CHARGE_FAILED,
                new DifferenceChargeFailedV1(e.returnId(), e.failureCode(), e.finalFailure())));
        on(ClawbackDecided.class, e -> one(CLAWBACK_DECIDED, new ClawbackDecidedV1(e.returnId(), e.paidEarly(),
                e.inspectedRefund(), e.amount(), e.kind().name())));
        on(ClawbackCharged.class, e -> one(CLAWBACK_CHARGED,
                new ClawbackChargedV1(e.returnId(), e.gatewayReference(), e.amount())));
        on(ClawbackChargeFailed.class, e -> one(CLAWBACK_CHARGE_FAILED,
                new ClawbackChargeFailedV1(e.returnId(), e.failureCode(), e.finalFailure())));
        on(LoyaltyAdjusted.class, e -> one(LOYALTY_REVERSED,
                new LoyaltyReversedV1(e.returnId(), e.pointsReversed(), e.reference())));
        on(ReturnPutOnHold.class, e -> one(HOLD_PLACED, new ReturnHoldPlacedV1(e.returnId(), e.reason().name(),
                e.system() == null ? null : e.system().name(), e.heldFrom().name())));
        on(ReturnHoldResolved.class, CanonicalData::holdResolved);
        on(ReturnCompleted.class, e -> one(RETURN_COMPLETED, new ReturnCompletedV1(e.returnId())));
    }

    private CanonicalData() {
    }

    static Map<Class<?>, Function<Object, List<Typed>>> mappings() {
        return MAPPINGS;
    }

    private static <T> void on(Class<T> internal, Function<T, List<Typed>> mapping) {
        MAPPINGS.put(internal, payload -> mapping.apply(internal.cast(payload)));
    }

    private static List<Typed> one(String type, Object data) {
        return List.of(new Typed(type, data));
    }

    private static ReturnInitiatedV1 initiated(ReturnRequested e) {
        OrderSnapshot order = e.order();
        List<ReturnInitiatedV1.Line> lines = e.lines().stream().map(line -> initiatedLine(line, order)).toList();
        return new ReturnInitiatedV1(e.returnId(), e.orderId(), e.customerId(), e.channel().name(), e.storeId(),
                e.refundMethod().name(), order.currency(), order.placedAt(), lines);
    }

    private static ReturnInitiatedV1.Line initiatedLine(RequestedLine line, OrderSnapshot order) {
        // the aggregate accepts a request only for lines of its order: a missing one is a broken event, not data
        OrderLine ordered = order.line(line.orderLineId()).orElseThrow(() -> new IllegalStateException(
                "return line " + line.orderLineId() + " is not a line of order " + order.orderId()));
        return new ReturnInitiatedV1.Line(line.orderLineId(), ordered.sku(), blankToNull(ordered.category()),
                line.quantity(), ordered.quantity(), ordered.unitPrice(), line.reason().name(),
                blankToNull(line.replacementSku()));
    }

    private static List<LineEligibility> eligibility(List<LineDecision> decisions) {
        return decisions.stream().map(d -> new LineEligibility(d.orderLineId(), d.requestedQuantity(),
                d.authorizedQuantity(), d.reasonCodes())).toList();
    }

    private static ReturnReceivedV1 received(ReturnItemsReceived e) {
        List<ReturnReceivedV1.Line> lines = e.lines().stream().map((ReceivedLine line) ->
                new ReturnReceivedV1.Line(line.orderLineId(), line.quantity(), blankToNull(line.receivedSku())))
                .toList();
        return new ReturnReceivedV1(e.returnId(), e.receiptId(), e.locationId(), lines,
                e.wrongItemLineIds() == null ? List.of() : e.wrongItemLineIds());
    }

    private static ReturnLinesInspectedV1 linesInspected(ReturnLinesInspected e) {
        List<ReturnLinesInspectedV1.Line> lines = e.lines().stream().map((InspectedLine line) ->
                new ReturnLinesInspectedV1.Line(line.orderLineId(), line.acceptedQuantity(), line.rejectedQuantity(),
                        line.grade().name(), line.disposition().name(), line.needsManualReview()))
                .toList(); // the inspector's note is free text: left out
        return new ReturnLinesInspectedV1(e.returnId(), e.inspectionId(), lines);
    }

    private static ReturnInspectionCompletedV1 inspectionCompleted(ReturnInspectionCompleted e) {
        List<ReturnInspectionCompletedV1.Line> lines = e.refundableLines().stream().map((RefundableLine line) ->
                new ReturnInspectionCompletedV1.Line(line.orderLineId(), line.acceptedQuantity(),
                        line.grade() == null ? null : line.grade().name()))
                .toList();
        Map<String, Integer> shortQuantities = e.shortQuantitiesByLine() == null ? Map.of() : e.shortQuantitiesByLine();
        List<ReturnInspectionCompletedV1.ShortLine> shortLines = shortQuantities.entrySet().stream()
                .map(entry -> new ReturnInspectionCompletedV1.ShortLine(entry.getKey(), entry.getValue()))
                .sorted((a, b) -> a.orderLineId().compareTo(b.orderLineId())) // stable, whatever map the event holds
                .toList();
        return new ReturnInspectionCompletedV1(e.returnId(), e.orderId(), e.refundMethod().name(), lines, shortLines,
                e.awaitingReview());
    }

    private static RefundApprovedV1 refundApproved(RefundApproved e) {
        List<RefundApprovedV1.Line> lines = e.breakdown().lines().stream().map((LineRefund line) ->
                new RefundApprovedV1.Line(line.orderLineId(), line.quantity(), line.merchandise(), line.tax(),
                        line.restockingFee(), line.conditionDeduction(), line.amount(), line.ruleCodes()))
                .toList();
        List<RefundApprovedV1.Tender> tenders = e.breakdown().tenders().stream().map((TenderRefund tender) ->
                new RefundApprovedV1.Tender(tender.tenderId(), tender.type().name(), tender.amount()))
                .toList();
        Money shipping = e.breakdown().shippingRefund();
        return new RefundApprovedV1(e.returnId(), e.breakdown().currency(), lines, shipping, e.breakdown().total(),
                tenders);
    }

    /** A hold resolved as a rejection or cancellation ends the return: consumers get that end as its own type too. */
    private static List<Typed> holdResolved(ReturnHoldResolved e) {
        Typed resolved = new Typed(HOLD_RESOLVED,
                new ReturnHoldResolvedV1(e.returnId(), e.decision().name(), e.resumedAs().name()));
        if (e.decision() == HoldDecision.REJECT) {
            return List.of(resolved, new Typed(RETURN_REJECTED, new ReturnRejectedV1(e.returnId(), e.orderId(),
                    ReturnRejectedV1.RejectedBy.STAFF.name(), null, List.of())));
        }
        if (e.decision() == HoldDecision.CANCEL) {
            return List.of(resolved, new Typed(RETURN_CANCELLED, new ReturnCancelledV1(e.returnId(), e.orderId())));
        }
        return List.of(resolved);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
