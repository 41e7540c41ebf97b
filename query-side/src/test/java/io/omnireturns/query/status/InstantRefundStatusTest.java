package io.omnireturns.query.status;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.query.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.omnireturns.query.ReturnEvents.SHIRTS;
import static io.omnireturns.query.ReturnEvents.SHIRT_SKU;
import static io.omnireturns.query.ReturnEvents.authorizedInFull;
import static io.omnireturns.query.ReturnEvents.eur;
import static io.omnireturns.query.ReturnEvents.oneShirtRefunded;
import static io.omnireturns.query.ReturnEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;

/** A return refunded at the first carrier scan, as the status view tells it: refunded first, inspected after. */
class InstantRefundStatusTest {

    private static final String RETURN_ID = "R-1";
    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

    private long sequence;

    @Test
    void the_early_refund_shows_refunded_before_the_parcel_arrives_and_the_clawback_is_told_in_plain_words() {
        ReturnStatusDraft draft = ReturnStatusDraft.requested(
                requested(RETURN_ID, "O-1", "C-1", SalesChannel.WEB, null), next("ReturnRequested"));
        draft.on(authorizedInFull(RETURN_ID), next("ReturnAuthorized"));
        draft.on(new ReturnParcelInTransit(RETURN_ID, "DHL", "TRK-1"), next("ReturnParcelInTransit"));
        draft.told(next("EarlyRefundGranted"), InstantRefundWording.of(
                new EarlyRefundGranted(RETURN_ID, eur(3000), TrustTier.TRUSTED)));
        draft.on(oneShirtRefunded(RETURN_ID), next("RefundApproved"));
        draft.on(new RefundRequested(RETURN_ID, "R-1:REFUND_PAYMENT", eur(3000)), next("RefundRequested"));
        draft.on(new RefundIssued(RETURN_ID, "GW-1", eur(3000)), next("RefundIssued"));
        assertThat(draft.toView().status()).isEqualTo(ReturnStatus.REFUNDED);

        draft.on(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "WH-1", List.of(new ReceivedLine(SHIRTS, 1, SHIRT_SKU)),
                List.of()), next("ReturnItemsReceived"));
        draft.on(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(
                new InspectedLine(SHIRTS, 0, 1, Grade.DAMAGED, Disposition.SCRAP, false, "torn"))),
                next("ReturnLinesInspected"));
        draft.on(new ReturnInspectionCompleted(RETURN_ID, "O-1", RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(SHIRTS, 0, Grade.DAMAGED, ReturnReason.SIZE_OR_FIT)), Map.of(), false),
                next("ReturnInspectionCompleted"));
        draft.told(next("ClawbackDecided"), InstantRefundWording.of(new ClawbackDecided(RETURN_ID, eur(3000),
                eur(0), eur(3000), ClawbackKind.CHARGE, "R-1:CLAWBACK_CHARGE"), false));
        draft.told(next("ClawbackCharged"), InstantRefundWording.of(
                new ClawbackCharged(RETURN_ID, "GW-CB-1", eur(3000))));

        ReturnStatusView view = draft.toView();
        assertThat(view.status()).as("receipt and inspection leave the refund's status").isEqualTo(ReturnStatus.REFUNDED);
        assertThat(view.timeline()).extracting(TimelineEntry::description).contains(
                "Refunded early: 30.00 EUR on its way back to you as soon as the carrier scanned your parcel, before "
                        + "we inspect it",
                "Inspection found less than declared: 30.00 EUR of the 30.00 EUR refunded early will be charged back "
                        + "to your card",
                "30.00 EUR charged back to your card after inspection (GW-CB-1)");
    }

    @Test
    void a_case_and_a_confirmed_early_refund_are_worded_for_the_shopper() {
        assertThat(InstantRefundWording.of(new ClawbackDecided(RETURN_ID, eur(3000), eur(1000), eur(2000),
                ClawbackKind.CASE, null), false)).isEqualTo("Inspection found less than declared: 20.00 EUR of the "
                + "30.00 EUR refunded early is owed; our customer service will contact you");
        assertThat(InstantRefundWording.of(new ClawbackDecided(RETURN_ID, eur(3000), eur(3000), eur(0),
                ClawbackKind.NOTHING, null), false))
                .isEqualTo("Inspection confirmed your early refund of 30.00 EUR: nothing more to do");
    }

    @Test
    void a_clawback_after_an_early_exchange_speaks_of_the_exchange_not_of_a_refund() {
        assertThat(InstantRefundWording.of(new ClawbackDecided(RETURN_ID, eur(3000), eur(0), eur(3000),
                ClawbackKind.CHARGE, "R-1:CLAWBACK_CHARGE"), true)).isEqualTo("Inspection found less than declared: "
                + "30.00 EUR of the 30.00 EUR your items were valued at for your early exchange will be charged back "
                + "to your card");
        assertThat(InstantRefundWording.of(new ClawbackDecided(RETURN_ID, eur(3000), eur(3000), eur(0),
                ClawbackKind.NOTHING, null), true))
                .isEqualTo("Inspection confirmed the items of your early exchange: nothing more to do");
    }

    @Test
    void the_loyalty_points_given_back_for_what_was_charged_back_are_told_with_the_programmes_reference() {
        assertThat(InstantRefundWording.of(new LoyaltyPointsRestored(RETURN_ID, 107, "LOY-RS-000001")))
                .isEqualTo("107 loyalty point(s) given back for what was charged back after inspection "
                        + "(LOY-RS-000001)");
    }

    private EventStamp next(String eventName) {
        long number = sequence++;
        return new EventStamp(number, START.plusSeconds(60 * number), eventName);
    }
}
