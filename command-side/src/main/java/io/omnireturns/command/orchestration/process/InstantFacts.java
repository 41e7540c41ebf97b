package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.command.policy.instantrefund.LoyaltyRestoration;

/**
 * What the process knows of a refund (or an exchange) at the first carrier scan, a companion of {@link ReturnFacts}:
 * the early refund or exchange, the clawback inspection decided, whether its charge was taken, the ERP's debit
 * memo for it posted and the loyalty points reversed for its share given back. Folded idempotently like the rest of the facts.
 */
final class InstantFacts {

    /** Null unless the refund was decided at the first carrier scan. */
    EarlyRefundGranted earlyRefund;
    /** Null unless the exchange was settled at the first carrier scan. */
    EarlyExchangeGranted earlyExchange;
    /** Null until inspection after an early refund was priced. */
    ClawbackDecided clawback;
    boolean clawbackCharged;
    /** The gateway's reference of the clawback charge, which the ERP's debit memo cites. */
    String clawbackChargeReference;
    /** The return's credit memo, which a clawback's debit memo corrects (noted, the credit memo is everybody's). */
    String creditMemoDocument;
    boolean clawbackMemoPosted;
    /** The points the return's loyalty reversal took (noted, the reversal is everybody's); null until reversed. */
    Long loyaltyPointsReversed;
    boolean loyaltyRestored;
    /** The parcel of a return refunded early did not come by the receipt expiry, and a person was asked to chase it. */
    boolean parcelChased;

    /** Whether the event was one of these facts' own (an exception is everybody's: it is noted, not taken). */
    boolean apply(Object event) {
        if (event instanceof ExceptionRaised e && ProcessTask.RECEIPT_EXPIRY.render().equals(e.stepKey())) {
            parcelChased = true;
            return false;
        }
        if (event instanceof CreditMemoPosted e) {
            creditMemoDocument = creditMemoDocument == null ? e.documentNumber() : creditMemoDocument;
            return false;
        }
        if (event instanceof LoyaltyAdjusted e) {
            loyaltyPointsReversed = e.pointsReversed();
            return false;
        }
        if (event instanceof EarlyRefundGranted e) {
            earlyRefund = e;
        } else if (event instanceof EarlyExchangeGranted e) {
            earlyExchange = e;
        } else if (event instanceof ClawbackDecided e) {
            clawback = e;
        } else if (event instanceof ClawbackCharged e) {
            clawbackCharged = true;
            clawbackChargeReference = e.gatewayReference();
        } else if (event instanceof ClawbackMemoPosted) {
            clawbackMemoPosted = true;
        } else if (event instanceof LoyaltyPointsRestored) {
            loyaltyRestored = true;
        } else {
            return false;
        }
        return true;
    }

    boolean refundedEarly() {
        return earlyRefund != null || earlyExchange != null;
    }

    /** A shortfall is to be charged back and was not yet. */
    boolean chargeOwed() {
        return clawback != null && clawback.kind() == ClawbackKind.CHARGE && !clawbackCharged;
    }

    /** A clawback was charged and the ERP has not yet been told (it needs the return's credit memo to correct). */
    boolean memoOwed() {
        return clawbackCharged && !clawbackMemoPosted;
    }

    /**
     * The points reversed for the share a clawback charged back ({@link LoyaltyRestoration}, rounded down);
     * zero before the charge or without a reversal.
     */
    long pointsToRestore() {
        if (!clawbackCharged || loyaltyPointsReversed == null) {
            return 0;
        }
        return LoyaltyRestoration.pointsToRestore(loyaltyPointsReversed, clawback.amount(), clawback.paidEarly());
    }

    /** A clawback was charged on a return whose points were reversed, and those of its share are not given back. */
    boolean restoreOwed() {
        return !loyaltyRestored && pointsToRestore() > 0;
    }

    /**
     * Nothing of an early refund is left to settle: none was paid, or inspection's clawback is decided, taken, told
     * to the ERP and its share's loyalty points given back.
     */
    boolean settled() {
        return !refundedEarly() || (clawback != null && !chargeOwed() && !memoOwed() && !restoreOwed());
    }
}
