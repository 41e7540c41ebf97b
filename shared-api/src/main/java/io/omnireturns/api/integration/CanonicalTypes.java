package io.omnireturns.api.integration;

import java.util.List;
import java.util.Optional;

/**
 * The canonical event types (CloudEvents {@code type}), versioned: a breaking change is a new type, published beside
 * the old one for as long as consumers need it. {@link #ALL} is the contract: the schemas under
 * {@code docs/events/schemas/} and the catalogue {@code docs/integration-events.md} are generated from it.
 */
public final class CanonicalTypes {

    private static final String PREFIX = "io.omnireturns.return.";

    public static final String RETURN_INITIATED = PREFIX + "initiated.v1";
    public static final String RETURN_AUTHORIZED = PREFIX + "authorized.v1";
    public static final String RETURN_REJECTED = PREFIX + "rejected.v1";
    public static final String RETURN_CANCELLED = PREFIX + "cancelled.v1";
    public static final String RETURN_EXPIRED = PREFIX + "expired.v1";
    public static final String LABEL_ISSUED = PREFIX + "label.issued.v1";
    public static final String RETURN_IN_TRANSIT = PREFIX + "in_transit.v1";
    public static final String RETURN_RECEIVED = PREFIX + "received.v1";
    public static final String LINES_INSPECTED = PREFIX + "lines.inspected.v1";
    public static final String INSPECTION_COMPLETED = PREFIX + "inspection.completed.v1";
    public static final String REFUND_APPROVED = PREFIX + "refund.approved.v1";
    public static final String REFUND_ISSUED = PREFIX + "refund.issued.v1";
    public static final String REFUND_FAILED = PREFIX + "refund.failed.v1";
    public static final String REFUND_SETTLED = PREFIX + "refund.settled.v1";
    public static final String CREDIT_MEMO_POSTED = PREFIX + "credit_memo.posted.v1";
    public static final String STOCK_ADJUSTED = PREFIX + "stock.adjusted.v1";
    public static final String REPLACEMENT_ORDER_CREATED = PREFIX + "replacement_order.created.v1";
    public static final String DIFFERENCE_CHARGED = PREFIX + "difference.charged.v1";
    public static final String DIFFERENCE_CHARGE_FAILED = PREFIX + "difference.charge_failed.v1";
    public static final String CLAWBACK_DECIDED = PREFIX + "clawback.decided.v1";
    public static final String CLAWBACK_CHARGED = PREFIX + "clawback.charged.v1";
    public static final String CLAWBACK_CHARGE_FAILED = PREFIX + "clawback.charge_failed.v1";
    public static final String LOYALTY_REVERSED = PREFIX + "loyalty.reversed.v1";
    public static final String HOLD_PLACED = PREFIX + "hold.placed.v1";
    public static final String HOLD_RESOLVED = PREFIX + "hold.resolved.v1";
    public static final String RETURN_COMPLETED = PREFIX + "completed.v1";

    /** Every type, in the order a return usually meets them. */
    public static final List<CanonicalType> ALL = List.of(
            new CanonicalType(RETURN_INITIATED, ReturnInitiatedV1.class,
                    "A customer asked, through a channel, to return lines of an order. Per line the SKU, category, "
                            + "unit price, ordered and requested units and the reason."),
            new CanonicalType(RETURN_AUTHORIZED, ReturnAuthorizedV1.class,
                    "The return is eligible: per line the requested and authorized quantities, with reason codes."),
            new CanonicalType(RETURN_REJECTED, ReturnRejectedV1.class,
                    "The return ended not eligible (terminal, status REJECTED): by the eligibility policy, or by a "
                            + "person (a decline with a listed reason, or a hold resolved as a rejection)."),
            new CanonicalType(RETURN_CANCELLED, ReturnCancelledV1.class,
                    "The return was withdrawn before anything was received (terminal)."),
            new CanonicalType(RETURN_EXPIRED, ReturnExpiredV1.class,
                    "Nothing arrived within the receipt window: the return expired (terminal)."),
            new CanonicalType(LABEL_ISSUED, ReturnLabelIssuedV1.class,
                    "The carrier issued a return label. The label and its tracking number are not in the event: "
                            + "they lead to the customer's address."),
            new CanonicalType(RETURN_IN_TRANSIT, ReturnInTransitV1.class,
                    "The carrier scanned the parcel: it is on its way back."),
            new CanonicalType(RETURN_RECEIVED, ReturnReceivedV1.class,
                    "A warehouse or store received items of the return at a location; a wrong item is named by "
                            + "its line and not counted."),
            new CanonicalType(LINES_INSPECTED, ReturnLinesInspectedV1.class,
                    "Received lines were inspected: per line the accepted and rejected quantities, the grade and "
                            + "the disposition. A return may be inspected in several goes."),
            new CanonicalType(INSPECTION_COMPLETED, ReturnInspectionCompletedV1.class,
                    "Every received line is inspected: per line the accepted quantity and grade, the authorized "
                            + "units that never arrived, and whether a person reviews before the refund."),
            new CanonicalType(REFUND_APPROVED, RefundApprovedV1.class,
                    "The refund was decided: per line merchandise, tax, fees and amount, the shipping refund, the "
                            + "total and its split over the order's tenders, in minor units."),
            new CanonicalType(REFUND_ISSUED, RefundIssuedV1.class,
                    "The payment gateway accepted the refund and gave its reference."),
            new CanonicalType(REFUND_FAILED, RefundFailedV1.class,
                    "The payment gateway did not refund; finalFailure says whether asking again is pointless."),
            new CanonicalType(REFUND_SETTLED, RefundSettledV1.class,
                    "The refund settled on the customer's tender."),
            new CanonicalType(CREDIT_MEMO_POSTED, CreditMemoPostedV1.class,
                    "The ERP posted the credit memo for the return's refund: the financial record of the refund."),
            new CanonicalType(STOCK_ADJUSTED, StockAdjustedV1.class,
                    "The ERP restated stock for one returned line by its disposition (restock at the receiving "
                            + "location, refurbish, liquidate, write off, ...)."),
            new CanonicalType(REPLACEMENT_ORDER_CREATED, ReplacementOrderCreatedV1.class,
                    "An exchange's replacement order was created in the order system, in place of a refund."),
            new CanonicalType(DIFFERENCE_CHARGED, DifferenceChargedV1.class,
                    "The price difference of an exchange for a dearer item was charged to the original card."),
            new CanonicalType(DIFFERENCE_CHARGE_FAILED, DifferenceChargeFailedV1.class,
                    "The payment gateway did not charge an exchange's price difference; finalFailure says whether "
                            + "asking again is pointless."),
            new CanonicalType(CLAWBACK_DECIDED, ClawbackDecidedV1.class,
                    "A return refunded at the parcel's first carrier scan was inspected: the shortfall against the early "
                            + "refund, if any, and how it is taken back (a charge to the card, or an agent's case)."),
            new CanonicalType(CLAWBACK_CHARGED, ClawbackChargedV1.class,
                    "The shortfall an inspection found after an early refund was charged back to the card refunded."),
            new CanonicalType(CLAWBACK_CHARGE_FAILED, ClawbackChargeFailedV1.class,
                    "The payment gateway did not charge back an early refund's shortfall; finalFailure says whether "
                            + "asking again is pointless."),
            new CanonicalType(LOYALTY_REVERSED, LoyaltyReversedV1.class,
                    "Loyalty points earned with the returned items were reversed."),
            new CanonicalType(HOLD_PLACED, ReturnHoldPlacedV1.class,
                    "The return stopped (status ON_HOLD) until a person decides: fraud review, inspection mismatch, "
                            + "a failed refund or posting, or by hand."),
            new CanonicalType(HOLD_RESOLVED, ReturnHoldResolvedV1.class,
                    "A hold ended: resumed in the status it was held in, or ended as a rejection or cancellation "
                            + "(then a rejected or cancelled event follows with the same sequence)."),
            new CanonicalType(RETURN_COMPLETED, ReturnCompletedV1.class,
                    "Refund (or replacement) done, credit memo posted and stock adjusted: the return is over "
                            + "(terminal)."));

    private CanonicalTypes() {
    }

    public static Optional<CanonicalType> of(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
