package io.omnireturns.query.status;

import io.omnireturns.api.returns.event.ClawbackChargeFailed;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.platform.architecture.PlainJava;

/**
 * How the timeline tells a refund at the first carrier scan and its clawback, beside {@link TimelineWording}: in words
 * a shopper understands, since the tracking page shows them too.
 */
@PlainJava
final class InstantRefundWording {

    private InstantRefundWording() {
    }

    static String of(EarlyRefundGranted event) {
        return "Refunded early: " + event.amount() + " on its way back to you as soon as the carrier scanned your "
                + "parcel, before we inspect it";
    }

    static String of(EarlyExchangeGranted event) {
        return "Exchanged early: your replacement is ordered as soon as the carrier scanned your parcel, before we "
                + "inspect it (your items are valued at " + event.returnedValue() + ")";
    }

    static String of(ClawbackMemoPosted event) {
        return "The " + event.amount() + " charged back is booked against credit note " + event.creditMemoDocument()
                + " (" + event.documentNumber() + ")";
    }

    static String of(LoyaltyPointsRestored event) {
        return event.pointsRestored() + " loyalty point(s) given back for what was charged back after inspection ("
                + event.reference() + ")";
    }

    /** {@code exchanged}: the return was exchanged at the first scan, not refunded (the credit was the replacement). */
    static String of(ClawbackDecided event, boolean exchanged) {
        String early = exchanged ? " your items were valued at for your early exchange" : " refunded early";
        return switch (event.kind()) {
            case NOTHING -> exchanged
                    ? "Inspection confirmed the items of your early exchange: nothing more to do"
                    : "Inspection confirmed your early refund of " + event.paidEarly() + ": nothing more to do";
            case CHARGE -> "Inspection found less than declared: " + event.amount() + " of the " + event.paidEarly()
                    + early + " will be charged back to your card";
            case CASE -> "Inspection found less than declared: " + event.amount() + " of the " + event.paidEarly()
                    + early + " is owed; our customer service will contact you";
        };
    }

    static String of(ClawbackCharged event) {
        return event.amount() + " charged back to your card after inspection (" + event.gatewayReference() + ")";
    }

    static String of(ClawbackChargeFailed event) {
        return "Charging back after inspection failed, " + (event.finalFailure() ? "finally" : "will retry") + " ("
                + event.failureCode() + ": " + event.message() + ")";
    }
}
