package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
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
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;
import io.omnireturns.command.connectors.erp.InventoryAdjustmentRequest;
import io.omnireturns.command.connectors.orders.DemoOrders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The events of one return, as the return aggregate would publish them, built from the demo orders so
 * every figure can be checked by hand. Single events answer what one step of the journey publishes;
 * the {@code upTo...} methods answer every event of the journey up to and including a point.
 *
 * <p>Stories: {@link #mailBack()} (two jackets and jeans of ORD-1001 sent back by post and received at
 * {@value #RECEIVING_LOCATION}, not the DC that shipped them), {@link #atStore()} (ORD-1005 taken back at
 * the counter, paid in cash and by card) and {@link #exchange()} (one jacket of ORD-1001 for another size).
 */
public record ReturnStory(SalesChannel channel, String storeId, RefundMethod refundMethod, OrderSnapshot order,
                   List<RequestedLine> lines, String receivingLocation, List<InspectedLine> inspection,
                   RefundBreakdown refund) {

    static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    public static final String RETURN_ID = "RET-1";
    static final String EUR = "EUR";
    static final String RECEIVING_LOCATION = "DC-NORTH";
    static final String TRACKING_NUMBER = "TRK-0001";
    static final String GATEWAY_REFERENCE = "PSP-RF-0001";
    static final String EXCEPTION_ID = "EX-RET-1-1";
    static final String PAYMENT_KEY = RETURN_ID + ":REFUND_PAYMENT";

    private static final OrderSnapshot WEB_ORDER = DemoOrders.webApparelOrder(NOW);
    private static final OrderSnapshot STORE_ORDER = DemoOrders.storeOrderPaidCashAndCard(NOW);
    static final String JACKETS = WEB_ORDER.orderId() + "-L1";
    static final String JEANS = WEB_ORDER.orderId() + "-L2";

    /**
     * The stock bookings the inventory steps ask for: the two jackets and the pair of jeans, each with its
     * disposition, into the receiving location.
     */
    static List<InventoryAdjustmentRequest> stockBookings(
            Disposition jackets, Disposition jeans) {
        return List.of(
                new InventoryAdjustmentRequest(
                        RETURN_ID + ":ADJUST_INVENTORY:" + JACKETS, RETURN_ID, JACKETS, "JKT-RAIN-NVY-M", 2, jackets,
                        RECEIVING_LOCATION),
                new InventoryAdjustmentRequest(
                        RETURN_ID + ":ADJUST_INVENTORY:" + JEANS, RETURN_ID, JEANS, "JNS-SLIM-IND-32", 1, jeans,
                        RECEIVING_LOCATION));
    }
    static final String HOODIE = STORE_ORDER.orderId() + "-L1";
    static final String BEANIES = STORE_ORDER.orderId() + "-L2";
    static final String LARGER_JACKET_SKU = "JKT-RAIN-NVY-L";

    /** Two jackets (2 x 89.95 + 35.98 tax) and the jeans (59.95 + 11.99 tax) refunded in full: 287.82 EUR to the card. */
    public static ReturnStory mailBack() {
        return new ReturnStory(SalesChannel.WEB, null, RefundMethod.ORIGINAL_TENDER, WEB_ORDER,
                List.of(new RequestedLine(JACKETS, 2, ReturnReason.SIZE_OR_FIT),
                        new RequestedLine(JEANS, 1, ReturnReason.DEFECTIVE)),
                RECEIVING_LOCATION,
                List.of(new InspectedLine(JACKETS, 2, 0, Grade.NEW, Disposition.RESTOCK, false, null),
                        new InspectedLine(JEANS, 1, 0, Grade.USED, Disposition.REFURBISH, false, "seam open")),
                new RefundBreakdown(EUR,
                        List.of(lineRefund(JACKETS, 2, 17_990, 3_598, 0), lineRefund(JEANS, 1, 5_995, 1_199, 0)),
                        eur(0), eur(28_782),
                        List.of(new TenderRefund(WEB_ORDER.orderId() + "-T1", TenderType.CARD, eur(28_782)))));
    }

    /** The hoodie (49.95 + 9.99 tax) and two beanies (2 x 14.95 + 5.98 tax) back at STORE-001: 20.00 cash, 75.82 card. */
    static ReturnStory atStore() {
        return new ReturnStory(SalesChannel.STORE, DemoOrders.DEMO_STORE, RefundMethod.ORIGINAL_TENDER, STORE_ORDER,
                List.of(new RequestedLine(HOODIE, 1, ReturnReason.CHANGED_MIND),
                        new RequestedLine(BEANIES, 2, ReturnReason.SIZE_OR_FIT)),
                DemoOrders.DEMO_STORE,
                List.of(new InspectedLine(HOODIE, 1, 0, Grade.LIKE_NEW, Disposition.RESTOCK, false, null),
                        new InspectedLine(BEANIES, 2, 0, Grade.NEW, Disposition.RESTOCK, false, null)),
                new RefundBreakdown(EUR,
                        List.of(lineRefund(HOODIE, 1, 4_995, 999, 0), lineRefund(BEANIES, 2, 2_990, 598, 0)),
                        eur(0), eur(9_582),
                        List.of(new TenderRefund(STORE_ORDER.orderId() + "-T1", TenderType.CASH, eur(2_000)),
                                new TenderRefund(STORE_ORDER.orderId() + "-T2", TenderType.CARD, eur(7_582)))));
    }

    /** One jacket (89.95 + 17.99 tax) swapped for size L: settled by a replacement order, not by money. */
    static ReturnStory exchange() {
        return new ReturnStory(SalesChannel.WEB, null, RefundMethod.EXCHANGE, WEB_ORDER,
                List.of(new RequestedLine(JACKETS, 1, ReturnReason.SIZE_OR_FIT, LARGER_JACKET_SKU)),
                RECEIVING_LOCATION,
                List.of(new InspectedLine(JACKETS, 1, 0, Grade.NEW, Disposition.RESTOCK, false, null)),
                new RefundBreakdown(EUR, List.of(lineRefund(JACKETS, 1, 8_995, 1_799, 0)), eur(0), eur(10_794),
                        List.of(new TenderRefund(WEB_ORDER.orderId() + "-T1", TenderType.CARD, eur(10_794)))));
    }

    /** The mail-back return, but the warehouse rejects everything: nothing to refund, all of it scrapped. */
    ReturnStory rejectedAtInspection() {
        return new ReturnStory(channel, storeId, refundMethod, order, lines, receivingLocation,
                List.of(new InspectedLine(JACKETS, 0, 2, Grade.DAMAGED, Disposition.SCRAP, false, "torn"),
                        new InspectedLine(JEANS, 0, 1, Grade.UNSALEABLE, Disposition.SCRAP, false, "stained")),
                RefundBreakdown.none(EUR));
    }

    /** The mail-back return, but the jeans lose 15.00 for their condition: 272.82 EUR of the 287.82 paid. */
    ReturnStory withConditionDeduction() {
        return new ReturnStory(channel, storeId, refundMethod, order, lines, receivingLocation, inspection,
                new RefundBreakdown(EUR,
                        List.of(lineRefund(JACKETS, 2, 17_990, 3_598, 0), lineRefund(JEANS, 1, 5_995, 1_199, 1_500)),
                        eur(0), eur(27_282),
                        List.of(new TenderRefund(order.orderId() + "-T1", TenderType.CARD, eur(27_282)))));
    }

    static Money eur(long minor) {
        return Money.of(minor, EUR);
    }

    private static LineRefund lineRefund(String lineId, int quantity, long merchandise, long tax, long deduction) {
        return new LineRefund(lineId, quantity, eur(merchandise), eur(tax), eur(0), eur(deduction),
                eur(merchandise + tax - deduction), deduction > 0 ? List.of("CONDITION_DEDUCTION") : List.of());
    }

    // ---- what the return publishes, step by step ---------------------------------------------------

    public ReturnRequested requested() {
        return new ReturnRequested(RETURN_ID, channel, storeId, order.customerId(), order.orderId(), refundMethod,
                lines, order);
    }

    public ReturnAuthorized authorized() {
        return new ReturnAuthorized(RETURN_ID, lines.stream()
                .map(line -> new LineDecision(line.orderLineId(), line.quantity(), line.quantity(), List.of()))
                .toList());
    }

    ReturnRejected rejected() {
        return new ReturnRejected(RETURN_ID, order.orderId(), lines.stream()
                .map(line -> new LineDecision(line.orderLineId(), line.quantity(), 0, List.of("RETURN_WINDOW_EXPIRED")))
                .toList());
    }

    FraudAssessed fraudCleared() {
        return new FraudAssessed(RETURN_ID, 12, false, List.of());
    }

    FraudAssessed fraudFlagged() {
        return new FraudAssessed(RETURN_ID, 87, true, List.of("HIGH_RETURN_RATE"));
    }

    public ReturnPutOnHold putOnHold(HoldReason reason, ExternalSystem system, ReturnStatus heldFrom) {
        return new ReturnPutOnHold(RETURN_ID, reason, system, "needs a person", heldFrom);
    }

    public ReturnHoldResolved holdResolved(HoldDecision decision, ReturnStatus resumedAs) {
        return new ReturnHoldResolved(RETURN_ID, order.orderId(), decision, "reviewed", "agent-7", resumedAs);
    }

    ReturnLabelIssued labelIssued() {
        return new ReturnLabelIssued(RETURN_ID, "DHL", TRACKING_NUMBER, "https://labels.example/" + TRACKING_NUMBER);
    }

    ReturnParcelInTransit parcelInTransit() {
        return new ReturnParcelInTransit(RETURN_ID, "DHL", TRACKING_NUMBER);
    }

    WarehouseAdvised warehouseAdvised() {
        return new WarehouseAdvised(RETURN_ID, order.fulfilmentLocationId(), "ASN-0001");
    }

    CustomerNotified notified(Milestone milestone) {
        return new CustomerNotified(RETURN_ID, milestone.name(), "EMAIL");
    }

    ReturnItemsReceived itemsReceived() {
        return new ReturnItemsReceived(RETURN_ID, "RCPT-1", receivingLocation,
                lines.stream().map(line -> new ReceivedLine(line.orderLineId(), line.quantity(), null)).toList(),
                List.of());
    }

    ReturnLinesInspected linesInspected() {
        return new ReturnLinesInspected(RETURN_ID, "INSP-1", inspection);
    }

    ReturnInspectionCompleted inspectionCompleted() {
        return new ReturnInspectionCompleted(RETURN_ID, order.orderId(), refundMethod, refundableLines(), Map.of(),
                false);
    }

    List<RefundableLine> refundableLines() {
        return inspection.stream()
                .map(line -> new RefundableLine(line.orderLineId(), line.acceptedQuantity(), line.grade(),
                        reasonOf(line.orderLineId())))
                .toList();
    }

    RefundApproved refundApproved() {
        return new RefundApproved(RETURN_ID, refund);
    }

    RefundRequested refundRequested() {
        return new RefundRequested(RETURN_ID, PAYMENT_KEY, refund.total());
    }

    RefundIssued refundIssued() {
        return new RefundIssued(RETURN_ID, GATEWAY_REFERENCE, refund.total());
    }

    RefundSettled refundSettled() {
        return new RefundSettled(RETURN_ID, GATEWAY_REFERENCE);
    }

    ReplacementOrderCreated replacementOrderCreated() {
        return new ReplacementOrderCreated(RETURN_ID, "ORD-R-0001");
    }

    CreditMemoPosted creditMemoPosted() {
        return new CreditMemoPosted(RETURN_ID, "CM-0001", refund.total());
    }

    InventoryAdjusted inventoryAdjusted(String lineId) {
        InspectedLine inspected = inspectionOf(lineId);
        return new InventoryAdjusted(RETURN_ID, "MOV-" + lineId, lineId, skuOf(lineId), inspected.disposition(),
                receivingLocation, inspected.acceptedQuantity() + inspected.rejectedQuantity());
    }

    Object[] inventoryAdjustedForEveryLine() {
        return inspection.stream().map(line -> inventoryAdjusted(line.orderLineId())).toArray();
    }

    LoyaltyAdjusted loyaltyAdjusted() {
        return new LoyaltyAdjusted(RETURN_ID, refund.total().minor() / 100, "LOY-0001");
    }

    ReturnCompleted completed() {
        return new ReturnCompleted(RETURN_ID);
    }

    ReturnCancelled cancelled() {
        return new ReturnCancelled(RETURN_ID, order.orderId(), "changed my mind", order.customerId());
    }

    ReturnExpired expired() {
        return new ReturnExpired(RETURN_ID, order.orderId());
    }

    StepAttemptFailed stepFailed(StepKey key, String failureCode, boolean retryable, int attempt) {
        ProcessStep step = key.step();
        return new StepAttemptFailed(RETURN_ID, step, key.render(), step.system(), failureCode,
                failureCode + " on attempt " + attempt, retryable, attempt);
    }

    ExceptionRaised exceptionRaised(ProcessStep step, ProcessKey key, String failureCode, int attempts) {
        return new ExceptionRaised(RETURN_ID, EXCEPTION_ID, step, key.render(), step.system(), failureCode,
                failureCode + " on attempt " + attempts, attempts);
    }

    CaseOpened caseOpened() {
        return new CaseOpened(RETURN_ID, EXCEPTION_ID, "CASE-0001");
    }

    ExceptionResolved exceptionResolved(ProcessStep step, ProcessKey key, String resolution) {
        return new ExceptionResolved(RETURN_ID, EXCEPTION_ID, step, key.render(), resolution, "ops-1");
    }

    // ---- the journey up to a point -------------------------------------------------------------------

    Object[] upToAuthorization() {
        return events(requested(), authorized());
    }

    Object[] upToFraudClearance() {
        return events(upToAuthorization(), fraudCleared());
    }

    /** Mail-back: label issued, warehouse advised, customer has the label. Store: customer told to come in. */
    Object[] upToParcelExpected() {
        return channel == SalesChannel.STORE
                ? events(upToFraudClearance(), notified(Milestone.AUTHORIZED))
                : events(upToFraudClearance(), labelIssued(), warehouseAdvised(),
                notified(Milestone.LABEL_ISSUED));
    }

    Object[] upToReceipt() {
        return events(upToParcelExpected(), itemsReceived(), notified(Milestone.RECEIVED));
    }

    Object[] upToInspection() {
        return events(upToReceipt(), linesInspected(), inspectionCompleted());
    }

    Object[] upToRefundApproval() {
        return events(upToInspection(), refundApproved());
    }

    Object[] upToRefundRequest() {
        return events(upToRefundApproval(), refundRequested());
    }

    Object[] upToRefundIssue() {
        return events(upToRefundRequest(), refundIssued());
    }

    /** Money settled (or exchanged), credit memo posted, stock moved, loyalty reversed: only the refund notice is missing. */
    Object[] upToAllButTheRefundNotice() {
        if (refund.total().isZero()) {
            return events(upToRefundApproval(), inventoryAdjustedForEveryLine());
        }
        if (refundMethod == RefundMethod.EXCHANGE) {
            return events(upToRefundApproval(), replacementOrderCreated(), creditMemoPosted(),
                    inventoryAdjustedForEveryLine());
        }
        return events(upToRefundIssue(), refundSettled(), creditMemoPosted(), inventoryAdjustedForEveryLine(),
                loyaltyAdjusted());
    }

    /** Everything done and the customer told of the refund: the process has asked to complete the return. */
    Object[] upToCompletionRequest() {
        return events(upToAllButTheRefundNotice(), notified(Milestone.REFUNDED));
    }

    Object[] upToCompletion() {
        return events(upToCompletionRequest(), completed());
    }

    /** Flattens events and arrays of events into one array, in order. */
    static Object[] events(Object... eventsOrArrays) {
        List<Object> all = new ArrayList<>();
        for (Object item : eventsOrArrays) {
            if (item instanceof Object[] array) {
                all.addAll(List.of(array));
            } else {
                all.add(item);
            }
        }
        return all.toArray();
    }

    // ---- what the demo order says about a line ----------------------------------------------------

    String skuOf(String lineId) {
        return order.line(lineId).map(OrderLine::sku).orElseThrow();
    }

    private ReturnReason reasonOf(String lineId) {
        return lines.stream().filter(line -> line.orderLineId().equals(lineId)).findFirst().orElseThrow().reason();
    }

    InspectedLine inspectionOf(String lineId) {
        return inspection.stream().filter(line -> line.orderLineId().equals(lineId)).findFirst().orElseThrow();
    }
}
