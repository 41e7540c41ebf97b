package io.omnireturns.distribution.contract;

import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalEventTranslator;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.HoldDecision;
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
import io.omnireturns.api.returns.event.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalogue's examples: internal events of returns as the service stores them, each translated as the
 * publishers translate it. One return's journey to COMPLETED, then the other endings and detours, each with a fixed
 * event id and position so the generated documents do not change from run to run.
 */
final class CanonicalExamples {

    private static final String RETURN_ID = "8c1f6a52-3b0e-4f7e-9d55-2f1c0a7e4b19";
    private static final String ORDER_ID = "ORD-1001";
    private static final Instant START = Instant.parse("2026-03-10T09:30:00Z");

    /** One translated internal event: what was stored, and what consumers receive. */
    record Example(Object internal, List<CanonicalEvent> canonical) {
    }

    private CanonicalExamples() {
    }

    static List<Example> all() {
        List<Object> story = new ArrayList<>(journey());
        story.addAll(endingsAndDetours());
        CanonicalEventTranslator translator = new CanonicalEventTranslator();
        List<Example> examples = new ArrayList<>();
        for (int position = 0; position < story.size(); position++) {
            String eventId = UUID.nameUUIDFromBytes(("example-" + position).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Instant at = START.plus(Duration.ofMinutes(37L * position));
            examples.add(new Example(story.get(position),
                    translator.translate(eventId, position, at, story.get(position))));
        }
        return examples;
    }

    static List<CanonicalEvent> events() {
        return all().stream().flatMap(example -> example.canonical().stream()).toList();
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    private static List<Object> journey() {
        OrderSnapshot order = new OrderSnapshot(ORDER_ID, "CUST-7f2c91", SalesChannel.WEB, null,
                Instant.parse("2026-03-02T10:15:00Z"), Instant.parse("2026-03-04T08:00:00Z"), "DC-NORTH", "EUR",
                List.of(new OrderLine("L1", "SKU-TRAIL-42", "Trail shoe, size 42", "footwear", 1, eur(8999),
                                eur(0), eur(1437), false),
                        new OrderLine("L2", "SKU-SOCK-3P", "Running socks, 3 pairs", "accessories", 2, eur(1299),
                                eur(0), eur(415), false)),
                List.of(), eur(495), eur(79),
                List.of(new Tender("T1", TenderType.CARD, eur(14121), "psp_ch_8842")));
        LineRefund shoe = new LineRefund("L1", 1, eur(8999), eur(1437), eur(900), eur(0), eur(9536),
                List.of("RESTOCKING_FEE_CHANGED_MIND"));
        RefundBreakdown breakdown = new RefundBreakdown("EUR", List.of(shoe), eur(0), eur(9536),
                List.of(new TenderRefund("T1", TenderType.CARD, eur(9536))));
        Map<String, Integer> shortQuantities = new LinkedHashMap<>();
        shortQuantities.put("L2", 1);
        return List.of(
                new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-7f2c91", ORDER_ID,
                        RefundMethod.ORIGINAL_TENDER,
                        List.of(new RequestedLine("L1", 1, ReturnReason.CHANGED_MIND),
                                new RequestedLine("L2", 2, ReturnReason.DEFECTIVE)),
                        order),
                new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("L1", 1, 1, List.of()),
                        new LineDecision("L2", 2, 1, List.of("QUANTITY_EXCEEDS_REMAINING")))),
                new ReturnLabelIssued(RETURN_ID, "DHL", "JD014600006281", "https://carrier.example/labels/6281"),
                new ReturnParcelInTransit(RETURN_ID, "DHL", "JD014600006281"),
                new ReturnItemsReceived(RETURN_ID, "RCPT-5521", "DC-NORTH",
                        List.of(new ReceivedLine("L1", 1, null)), List.of()),
                new ReturnLinesInspected(RETURN_ID, "INSP-3307", List.of(new InspectedLine("L1", 1, 0,
                        Grade.LIKE_NEW, Disposition.RESTOCK, false, "box slightly dented"))),
                new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine("L1", 1, Grade.LIKE_NEW, ReturnReason.CHANGED_MIND)),
                        shortQuantities, false),
                new RefundApproved(RETURN_ID, breakdown),
                new RefundFailed(RETURN_ID, "GATEWAY_TIMEOUT", "read timed out", false),
                new RefundIssued(RETURN_ID, "psp_re_5530", eur(9536)),
                new RefundSettled(RETURN_ID, "psp_re_5530"),
                new CreditMemoPosted(RETURN_ID, "CM-2026-004211", eur(9536)),
                new InventoryAdjusted(RETURN_ID, "ADJ-9917", "L1", "SKU-TRAIL-42", Disposition.RESTOCK, "DC-NORTH",
                        1),
                new LoyaltyAdjusted(RETURN_ID, 95, "LOY-20260310-77"),
                new ReturnCompleted(RETURN_ID));
    }

    /** The other endings and detours, for illustration only: one return meets at most one ending. */
    private static List<Object> endingsAndDetours() {
        return List.of(
                new ReturnRejected(RETURN_ID, ORDER_ID, List.of(new LineDecision("L1", 1, 0,
                        List.of("RETURN_WINDOW_EXPIRED")))),
                new ReturnDeclined(RETURN_ID, ORDER_ID, DeclineReason.DAMAGED_BY_CUSTOMER, null, "warehouse-lead",
                        ReturnStatus.RECEIVED),
                new ReturnCancelled(RETURN_ID, ORDER_ID, "kept the shoes after all", "customer"),
                new ReturnExpired(RETURN_ID, ORDER_ID),
                new ReplacementOrderCreated(RETURN_ID, "ORD-1187"),
                new DifferenceCharged(RETURN_ID, "PSP-CH-000042", Money.of(4200, "EUR")),
                new DifferenceChargeFailed(RETURN_ID, "CARD_DECLINED", "the card refused a charge of 42.00 EUR", true),
                new ClawbackDecided(RETURN_ID, Money.of(21588, "EUR"), Money.of(10794, "EUR"),
                        Money.of(10794, "EUR"), ClawbackKind.CHARGE, RETURN_ID + ":CLAWBACK_CHARGE"),
                new ClawbackCharged(RETURN_ID, "PSP-CH-000043", Money.of(10794, "EUR")),
                new ClawbackChargeFailed(RETURN_ID, "CARD_DECLINED", "the card refused a charge of 107.94 EUR", true),
                new ReturnPutOnHold(RETURN_ID, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                        "REFUND_PAYMENT failed: CARD_EXPIRED", ReturnStatus.INSPECTED),
                new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.RESUME, "new card on file", "finance-clerk",
                        ReturnStatus.INSPECTED),
                new ReturnHoldResolved(RETURN_ID, ORDER_ID, HoldDecision.REJECT, "fraud confirmed", "risk-analyst",
                        ReturnStatus.REJECTED));
    }
}
