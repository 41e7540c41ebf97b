package io.omnireturns.api.integration;

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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Internal events of one return, as the translator's tests feed them: realistic, with personal data to leave out. */
final class InternalEvents {

    static final String RETURN_ID = "RET-7f3a";
    static final String ORDER_ID = "ORD-1001";

    private InternalEvents() {
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    static OrderSnapshot order() {
        return new OrderSnapshot(ORDER_ID, "CUST-42", SalesChannel.WEB, null,
                Instant.parse("2026-03-02T10:15:00Z"), Instant.parse("2026-03-04T08:00:00Z"), "DC-NORTH", "EUR",
                List.of(new OrderLine("L1", "SKU-SHOE-42", "Trail shoe, size 42, for Jane Doe", "footwear", 2,
                                eur(5999), eur(0), eur(1140), false),
                        new OrderLine("L2", "SKU-SOCK", "Socks", "accessories", 3, eur(799), eur(0), eur(152), false)),
                List.of(), eur(495), eur(94),
                List.of(new Tender("T1", TenderType.CARD, eur(15000), "card ****4242 Jane Doe")));
    }

    static ReturnRequested requested() {
        return new ReturnRequested(RETURN_ID, SalesChannel.STORE, "STORE-7", "CUST-42", ORDER_ID,
                RefundMethod.ORIGINAL_TENDER,
                List.of(new RequestedLine("L1", 1, ReturnReason.SIZE_OR_FIT, "SKU-SHOE-43"),
                        new RequestedLine("L2", 2, ReturnReason.DEFECTIVE)),
                order());
    }

    static List<LineDecision> decisions() {
        return List.of(new LineDecision("L1", 1, 1, List.of()),
                new LineDecision("L2", 2, 0, List.of("FINAL_SALE")));
    }

    static RefundBreakdown breakdown() {
        LineRefund line = new LineRefund("L1", 1, eur(5999), eur(1140), eur(600), eur(0), eur(6539),
                List.of("RESTOCKING_FEE_CHANGED_MIND"));
        return new RefundBreakdown("EUR", List.of(line), eur(0), eur(6539),
                List.of(new TenderRefund("T1", TenderType.CARD, eur(6539))));
    }

    static Map<String, Integer> shortQuantities() {
        Map<String, Integer> shortQuantities = new LinkedHashMap<>();
        shortQuantities.put("L2", 1);
        return shortQuantities;
    }

    static ReturnHoldResolved holdResolved(HoldDecision decision, ReturnStatus to) {
        return new ReturnHoldResolved(RETURN_ID, ORDER_ID, decision, "customer called, Jane at 555-0100",
                "service-agent", to);
    }

    /** The first event of that class in {@link #everyTranslated()}. */
    static <T> T example(Class<T> type) {
        return everyTranslated().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** One of each translated internal event, the hold resolved once per decision. */
    static List<Object> everyTranslated() {
        return List.of(
                requested(),
                new ReturnAuthorized(RETURN_ID, decisions()),
                new ReturnRejected(RETURN_ID, ORDER_ID, decisions()),
                new ReturnDeclined(RETURN_ID, ORDER_ID, DeclineReason.NOT_RETURNABLE, "worn at a wedding",
                        "service-agent", ReturnStatus.AUTHORIZED),
                new ReturnCancelled(RETURN_ID, ORDER_ID, "customer kept it", "jane.doe@example.com"),
                new ReturnExpired(RETURN_ID, ORDER_ID),
                new ReturnLabelIssued(RETURN_ID, "DHL", "JD0146000000123", "https://labels.example/JD0146"),
                new ReturnParcelInTransit(RETURN_ID, "DHL", "JD0146000000123"),
                new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-NORTH",
                        List.of(new ReceivedLine("L1", 1, null), new ReceivedLine("L2", 1, "SKU-OTHER")),
                        List.of("L2")),
                new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(new InspectedLine("L1", 1, 0, Grade.LIKE_NEW,
                        Disposition.RESTOCK, false, "smells of smoke, owner Jane"))),
                new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine("L1", 1, Grade.LIKE_NEW, ReturnReason.SIZE_OR_FIT)),
                        shortQuantities(), false),
                new RefundApproved(RETURN_ID, breakdown()),
                new RefundIssued(RETURN_ID, "psp_re_123", eur(6539)),
                new RefundFailed(RETURN_ID, "CARD_EXPIRED", "card of Jane Doe expired", true),
                new RefundSettled(RETURN_ID, "psp_re_123"),
                new CreditMemoPosted(RETURN_ID, "CM-2026-0042", eur(6539)),
                new InventoryAdjusted(RETURN_ID, "ADJ-1", "L1", "SKU-SHOE-42", Disposition.RESTOCK, "DC-NORTH", 1),
                new ReplacementOrderCreated(RETURN_ID, "ORD-2002"),
                new DifferenceCharged(RETURN_ID, "PSP-CH-000042", Money.of(4200, "EUR")),
                new DifferenceChargeFailed(RETURN_ID, "CARD_DECLINED", "the card refused the charge", true),
                new ClawbackDecided(RETURN_ID, eur(6539), eur(3270), eur(3269), ClawbackKind.CHARGE,
                        RETURN_ID + ":CLAWBACK_CHARGE"),
                new ClawbackCharged(RETURN_ID, "PSP-CH-000043", eur(3269)),
                new ClawbackChargeFailed(RETURN_ID, "CARD_DECLINED", "the card of Jane refused the charge", true),
                new LoyaltyAdjusted(RETURN_ID, 60, "LOY-9"),
                new ReturnPutOnHold(RETURN_ID, HoldReason.MANUAL, null, "Jane shouted on the phone",
                        ReturnStatus.AUTHORIZED),
                holdResolved(HoldDecision.RESUME, ReturnStatus.AUTHORIZED),
                holdResolved(HoldDecision.REJECT, ReturnStatus.REJECTED),
                holdResolved(HoldDecision.CANCEL, ReturnStatus.CANCELLED),
                new ReturnCompleted(RETURN_ID));
    }
}
