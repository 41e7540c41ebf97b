package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.IssueReturnLabel;
import io.omnireturns.api.returns.command.PutReturnOnHold;
import io.omnireturns.api.returns.command.RecordCreditMemoPosted;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordInventoryAdjusted;
import io.omnireturns.api.returns.command.RecordLoyaltyAdjusted;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.command.RecordRefundFailed;
import io.omnireturns.api.returns.command.RecordRefundIssued;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.command.RequestReturn;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnExpired;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLabelIssued;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.api.returns.event.ReturnRequested;
import org.hamcrest.Matcher;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.then;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Named.named;

/**
 * The standard return the lifecycle tests follow ({@code Return*AggregateTest}), with the histories and messages
 * they grow it from. It asks for both units of L1 (size) and the one unit of L2 (defective); the warehouse accepts L1
 * and scraps L2, so 120.00 EUR is refunded to the card. Amounts are minor units.
 */
final class StandardReturn {

    private StandardReturn() {
    }

    static final String CUSTOMER_ID = "CUST-1";
    static final String WAREHOUSE = "DC-1";

    static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 2, 5000, 2000)
            .withLine("L2", 1, 3000, 600)
            .withLine("L3", 3, 1000, 600)
            .paidWith("T1", TenderType.CARD, 17200)
            .build();

    static final List<RequestedLine> REQUESTED_LINES = List.of(
            new RequestedLine("L1", 2, ReturnReason.SIZE_OR_FIT),
            new RequestedLine("L2", 1, ReturnReason.DEFECTIVE));

    static final InspectedLine L1_ACCEPTED = new InspectedLine("L1", 2, 0, Grade.NEW, Disposition.RESTOCK, false, null);
    static final InspectedLine L2_SCRAPPED = new InspectedLine("L2", 0, 1, Grade.UNSALEABLE, Disposition.SCRAP, false, "screen cracked");

    static final Money REFUND_TOTAL = eur(12_000);
    static final RefundBreakdown REFUND = new RefundBreakdown(EUR,
            List.of(lineRefund("L1", 2, 10_000, 2_000)), eur(0), REFUND_TOTAL,
            List.of(new TenderRefund("T1", TenderType.CARD, REFUND_TOTAL)));

    static final String REFUND_KEY = RETURN_ID + ":refund";
    static final String GATEWAY_REFERENCE = "PSP-REF-1";

    static Stream<Arguments> stepsAfterTheEnd() {
        Map<String, List<Object>> ended = new LinkedHashMap<>();
        ended.put("rejected", rejected());
        ended.put("cancelled", cancelled());
        ended.put("expired", expired());
        ended.put("completed", completed());
        List<Object> steps = List.of(
                new IssueReturnLabel(RETURN_ID, "DHL", "TRACK-9", "https://labels.example/9"),
                new RecordReceipt(RETURN_ID, "RCPT-9", WAREHOUSE, List.of(new ReceivedLine("L1", 1, null))),
                new RecordInspection(RETURN_ID, "INSP-9", List.of(L1_ACCEPTED)),
                new RecordRefundFailed(RETURN_ID, "GATEWAY_TIMEOUT", "late", false),
                new RecordInventoryAdjusted(RETURN_ID, "ADJ-9", "L1", "SKU-L1", Disposition.RESTOCK, WAREHOUSE, 1),
                new PutReturnOnHold(RETURN_ID, HoldReason.MANUAL, ExternalSystem.CRM, "complaint"));
        return ended.entrySet().stream().flatMap(end -> steps.stream().map(step -> Arguments.of(
                named(end.getKey(), end.getValue()), named(step.getClass().getSimpleName(), step))));
    }

    static Stream<Arguments> moneyStepsAfterCompletion() {
        return Stream.of(
                        new RecordRefundRequested(RETURN_ID, "another-key", REFUND_TOTAL),
                        new RecordRefundIssued(RETURN_ID, "PSP-REF-2", REFUND_TOTAL),
                        new RecordCreditMemoPosted(RETURN_ID, "CM-2", REFUND_TOTAL),
                        new RecordLoyaltyAdjusted(RETURN_ID, 120, "LOY-1"))
                .map(step -> Arguments.of(named(step.getClass().getSimpleName(), step)));
    }

    // ---- histories: each one the events of the previous step plus its own ----

    static List<Object> requested() {
        return List.of(returnRequested());
    }

    static List<Object> authorized() {
        return then(requested(), new ReturnAuthorized(RETURN_ID, List.of(decision("L1", 2, 2), decision("L2", 1, 1))));
    }

    static List<Object> inTransit() {
        return then(authorized(),
                new ReturnLabelIssued(RETURN_ID, "DHL", "TRACK-1", "https://labels.example/1"),
                new ReturnParcelInTransit(RETURN_ID, "DHL", "TRACK-1"));
    }

    static List<Object> received() {
        return then(inTransit(), itemsReceived("RCPT-1", new ReceivedLine("L1", 2, null), new ReceivedLine("L2", 1, null)));
    }

    static List<Object> inspected() {
        return then(received(),
                new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(L1_ACCEPTED, L2_SCRAPPED)),
                inspectionCompleted(Map.of(), false));
    }

    static List<Object> refundApproved() {
        return then(inspected(), new RefundApproved(RETURN_ID, REFUND));
    }

    static List<Object> refundPending() {
        return then(refundApproved(), new RefundRequested(RETURN_ID, REFUND_KEY, REFUND_TOTAL));
    }

    static List<Object> refunded() {
        return then(refundPending(), new RefundIssued(RETURN_ID, GATEWAY_REFERENCE, REFUND_TOTAL));
    }

    static List<Object> readyToComplete() {
        return then(refunded(),
                new CreditMemoPosted(RETURN_ID, "CM-1", REFUND_TOTAL),
                inventoryAdjusted("ADJ-L1", "L1", Disposition.RESTOCK, 2),
                inventoryAdjusted("ADJ-L2", "L2", Disposition.SCRAP, 1),
                new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"));
    }

    static List<Object> completed() {
        return then(readyToComplete(), new ReturnCompleted(RETURN_ID));
    }

    static List<Object> rejected() {
        return then(requested(), new ReturnRejected(RETURN_ID, ORDER_ID, List.of(decision("L1", 2, 0), decision("L2", 1, 0))));
    }

    static List<Object> cancelled() {
        return then(authorized(), new ReturnCancelled(RETURN_ID, ORDER_ID, "changed my mind", "customer"));
    }

    static List<Object> expired() {
        return then(inTransit(), new ReturnExpired(RETURN_ID, ORDER_ID));
    }

    static List<Object> heldForFraudReviewFrom(List<Object> history) {
        ReturnStatus heldFrom = switch (history.get(history.size() - 1).getClass().getSimpleName()) {
            case "ReturnAuthorized" -> ReturnStatus.AUTHORIZED;
            case "ReturnParcelInTransit" -> ReturnStatus.IN_TRANSIT;
            case "ReturnItemsReceived" -> ReturnStatus.RECEIVED;
            default -> throw new IllegalArgumentException("no fraud hold after " + history.get(history.size() - 1));
        };
        return then(history, new ReturnPutOnHold(RETURN_ID, HoldReason.FRAUD_REVIEW, ExternalSystem.FRAUD, "score 0.93", heldFrom));
    }

    /** The standard inspection with L1 sent for review: inspection completes awaiting review and the return is held. */
    static List<Object> heldForManualReview() {
        InspectedLine forReview = new InspectedLine("L1", 2, 0, Grade.USED, Disposition.REFURBISH, true, "stains?");
        return List.of(
                new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(forReview, L2_SCRAPPED)),
                new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine("L1", 2, Grade.USED, ReturnReason.SIZE_OR_FIT),
                                new RefundableLine("L2", 0, Grade.UNSALEABLE, ReturnReason.DEFECTIVE)),
                        Map.of(), true),
                new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                        "manual review requested for line(s) L1", ReturnStatus.INSPECTED));
    }

    static List<Object> wrongItemParcelHeldFrom(ReturnStatus heldFrom) {
        return List.of(
                new ReturnItemsReceived(RETURN_ID, "RCPT-1", WAREHOUSE, List.of(new ReceivedLine("L2", 1, "SKU-OTHER")),
                        List.of("L2")),
                new ReturnPutOnHold(RETURN_ID, HoldReason.INSPECTION_MISMATCH, ExternalSystem.WAREHOUSE,
                        "wrong item received for line(s) L2", heldFrom));
    }

    // ---- messages ----

    static RequestReturn request(List<RequestedLine> lines) {
        return new RequestReturn(RETURN_ID, SalesChannel.WEB, null, CUSTOMER_ID, RefundMethod.ORIGINAL_TENDER, lines, ORDER);
    }

    static ReturnRequested returnRequested() {
        return new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, CUSTOMER_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                REQUESTED_LINES, ORDER);
    }

    static LineDecision decision(String orderLineId, int requested, int authorized) {
        return new LineDecision(orderLineId, requested, authorized, authorized == 0 ? List.of("FINAL_SALE") : List.of());
    }

    static ReturnItemsReceived itemsReceived(String receiptId, ReceivedLine... lines) {
        return new ReturnItemsReceived(RETURN_ID, receiptId, WAREHOUSE, List.of(lines), List.of());
    }

    /** Completion of the standard inspection: L1 accepted in full, L2 scrapped. */
    static ReturnInspectionCompleted inspectionCompleted(Map<String, Integer> shortQuantities, boolean awaitingReview) {
        return new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine("L1", 2, Grade.NEW, ReturnReason.SIZE_OR_FIT),
                        new RefundableLine("L2", 0, Grade.UNSALEABLE, ReturnReason.DEFECTIVE)),
                shortQuantities, awaitingReview);
    }

    static InventoryAdjusted inventoryAdjusted(String adjustmentId, String orderLineId, Disposition disposition,
                                               int quantity) {
        return new InventoryAdjusted(RETURN_ID, adjustmentId, orderLineId, "SKU-" + orderLineId, disposition, WAREHOUSE,
                quantity);
    }

    static LineRefund lineRefund(String orderLineId, int quantity, long merchandise, long tax) {
        return new LineRefund(orderLineId, quantity, eur(merchandise), eur(tax), eur(0), eur(0), eur(merchandise + tax),
                List.of());
    }

    static RefundBreakdown breakdown(LineRefund... lines) {
        Money total = Money.sum(Arrays.stream(lines).map(LineRefund::amount).toList(), EUR);
        return new RefundBreakdown(EUR, List.of(lines), eur(0), total, List.of(new TenderRefund("T1", TenderType.CARD, total)));
    }

    static Map<String, Integer> orderedMap(String firstKey, int firstValue, String secondKey, int secondValue) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put(firstKey, firstValue);
        map.put(secondKey, secondValue);
        return map;
    }

    // ---- expectations ----

    /** The completion refusal names what is missing, and only that. */
    static Matcher<String> onlyMissing(String missing) {
        List<String> everything = List.of("refund confirmed", "credit memo posted", "inventory adjusted", "customer notified");
        List<Matcher<? super String>> matchers = new ArrayList<>();
        matchers.add(containsString(missing));
        everything.stream().filter(item -> !missing.startsWith(item)).forEach(item -> matchers.add(not(containsString(item))));
        return allOf(matchers);
    }
}
