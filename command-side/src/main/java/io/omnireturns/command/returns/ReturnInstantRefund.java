package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.command.ApproveEarlyRefund;
import io.omnireturns.api.returns.command.RecordClawbackCharged;
import io.omnireturns.api.returns.command.RecordClawbackDecision;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.api.returns.event.ClawbackChargeFailed;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.command.RecordClawbackMemoPosted;
import io.omnireturns.api.returns.command.RecordLoyaltyPointsRestored;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.command.policy.instantrefund.LoyaltyRestoration;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.RefundApproved;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnLifecycle.requireNotTerminal;
import static io.omnireturns.command.returns.ReturnLifecycle.requireStatus;

/**
 * The rules of a refund at the first carrier scan, apart from the state: when a return may be refunded before
 * inspection (a money refund of a parcel in transit, nothing received, a tier that is not watched; whether the tier
 * qualifies is the policy's, decided before), how the clawback inspection finds is recorded, and what it leaves the
 * return waiting for. Decides only.
 */
final class ReturnInstantRefund {

    /** The step key of the exception a clawback by CRM case raises: an agent settles it with the customer. */
    static final String CLAWBACK_CASE = "CLAWBACK_CASE";

    private ReturnInstantRefund() {
    }

    /** The lines as declared, at the best grade: what an early refund pays for. */
    static List<RefundableLine> declaredLines(ReturnState state) {
        return state.lines.values().stream()
                .filter(line -> line.authorizedQuantity > line.keptQuantity)
                .map(line -> new RefundableLine(line.orderLineId, line.authorizedQuantity - line.keptQuantity,
                        Grade.NEW, line.reason))
                .toList();
    }

    static boolean refundedToCard(ReturnState state) {
        return state.approvedRefund != null && state.approvedRefund.tenders().stream()
                .anyMatch(tender -> tender.type() == TenderType.CARD);
    }

    /**
     * A money refund records {@code EarlyRefundGranted}, an exchange {@code EarlyExchangeGranted} (its difference and
     * replacement follow as after an inspection); either way {@code RefundApproved} with the declared lines.
     */
    static List<Object> approve(ApproveEarlyRefund command, InstantRefundState state) {
        if (state.refundedEarly() && state.approvedRefund != null) {
            return List.of(); // decided at an earlier scan
        }
        if (state.approvedRefund != null) {
            throw illegalState(REFUND_ALREADY_APPROVED, "the refund of this return is already decided");
        }
        requireStatus(state, "refund before inspection", ReturnStatus.IN_TRANSIT);
        if (state.anythingReceived()) {
            throw illegalState(EARLY_REFUND_NOT_ALLOWED, "items of this return were received: inspection decides");
        }
        if (state.trustTier == null || state.trustTier == TrustTier.WATCHED) {
            throw rule(EARLY_REFUND_NOT_ALLOWED, "the customer's trust tier is " + state.trustTier);
        }
        RefundBreakdown breakdown = command.breakdown();
        if (!breakdown.currency().equals(state.currency)) {
            throw rule(CURRENCY_MISMATCH, "refund in " + breakdown.currency() + " for an order in " + state.currency);
        }
        if (!breakdown.total().isPositive()) {
            throw rule(EARLY_REFUND_NOT_ALLOWED, "nothing to refund before inspection");
        }
        Map<String, Integer> declared = new HashMap<>();
        declaredLines(state).forEach(line -> declared.put(line.orderLineId(), line.acceptedQuantity()));
        Map<String, Integer> units = new HashMap<>();
        for (LineRefund line : breakdown.lines()) {
            int sum = units.merge(line.orderLineId(), line.quantity(), Integer::sum);
            if (sum > declared.getOrDefault(line.orderLineId(), 0)) {
                throw rule(REFUND_EXCEEDS_ACCEPTED, "line " + line.orderLineId()
                        + " cannot be refunded early for more items than were authorized to come back");
            }
        }
        Object granted = state.refundMethod == RefundMethod.EXCHANGE
                ? new EarlyExchangeGranted(state.returnId, breakdown.total(), state.trustTier)
                : new EarlyRefundGranted(state.returnId, breakdown.total(), state.trustTier);
        return List.of(granted, new RefundApproved(state.returnId, breakdown));
    }

    /**
     * The shortfall inspection found, as the policy decided it: exact to the minor unit against the early refund. A
     * case raises an exception for an agent (the process opens the CRM case for it); the return is not held.
     */
    static List<Object> clawback(RecordClawbackDecision command, InstantRefundState state) {
        if (state.clawback != null) {
            return List.of();
        }
        if (!state.refundedEarly()) {
            throw illegalState(ILLEGAL_TRANSITION, "this return was not refunded before inspection");
        }
        requireNotTerminal(state, "claw back the refund of");
        if (state.inspectionIds.isEmpty() || state.lines.values().stream().anyMatch(ReturnLine::awaitsInspection)) {
            throw illegalState(LINE_NOT_INSPECTED, "the return is not inspected yet");
        }
        Money paid = creditedEarly(state);
        Money shortfall = paid.minus(command.inspectedRefund());
        Money expected = shortfall.isPositive() ? shortfall : Money.zero(paid.currency());
        boolean kindFits = expected.isZero() == (command.kind() == ClawbackKind.NOTHING);
        if (!command.amount().equals(expected) || !kindFits) {
            throw rule(REFUND_AMOUNT_MISMATCH, "paid " + paid + " early, inspection refunds "
                    + command.inspectedRefund() + ": a clawback of " + expected + ", not " + command.kind() + " "
                    + command.amount());
        }
        ClawbackDecided decided = new ClawbackDecided(state.returnId, paid, command.inspectedRefund(), expected,
                command.kind(), command.kind() == ClawbackKind.CHARGE ? command.chargeKey() : null);
        if (command.kind() != ClawbackKind.CASE) {
            return List.of(decided);
        }
        String exceptionId = "EX-" + state.returnId + "-" + (state.exceptionsRaised + 1);
        return List.of(decided, new ExceptionRaised(state.returnId, exceptionId, ProcessStep.CLAWBACK_CHARGE,
                CLAWBACK_CASE, ExternalSystem.PAYMENT, CLAWBACK_CASE, "inspection refunds "
                + command.inspectedRefund() + " of the " + paid + " refunded early: " + expected
                + " to recover from the customer", 0));
    }

    /**
     * What the customer was credited at the first scan: the early refund, or for an exchange the returned items'
     * value plus the exchange bonus given on it (the replacement and any difference were settled against both).
     */
    static Money creditedEarly(InstantRefundState state) {
        if (state.earlyRefund != null) {
            return state.earlyRefund.amount();
        }
        if (state.earlyExchange == null) {
            return null;
        }
        return state.exchangeDifference == null ? state.earlyExchange.returnedValue()
                : state.exchangeDifference.returnedValue().plus(state.exchangeDifference.bonus());
    }

    /**
     * The ERP's debit memo for the shortfall charged back: once the charge is in, for exactly its amount, against
     * the credit memo it corrects; the same document again changes nothing.
     */
    static List<Object> clawbackMemoPosted(RecordClawbackMemoPosted command, InstantRefundState state) {
        if (command.documentNumber().equals(state.clawbackMemoDocument)) {
            return List.of();
        }
        if (state.clawbackGatewayReference == null || state.clawbackMemoDocument != null
                || state.creditMemoDocument == null) {
            throw illegalState(ILLEGAL_TRANSITION, "no clawback charged is waiting for its debit memo");
        }
        requireNotTerminal(state, "post the clawback memo of");
        if (!command.amount().equals(state.clawback.amount())) {
            throw rule(CREDIT_MEMO_AMOUNT_MISMATCH, "debit memo of " + command.amount() + ", the clawback charged is "
                    + state.clawback.amount());
        }
        return List.of(new ClawbackMemoPosted(state.returnId, command.documentNumber(), state.creditMemoDocument,
                command.amount()));
    }

    /**
     * The loyalty programme gave back points reversed for the return, for the share a clawback charged back: once the
     * charge is in and the points were reversed, once per return; the same reference again changes nothing. How many
     * is the process's ({@code InstantFacts}, by {@link LoyaltyRestoration} from the reversal's points, which the
     * return does not keep: snapshots of revision 2 could not tell them), as for the reversal itself.
     */
    static List<Object> loyaltyRestored(RecordLoyaltyPointsRestored command, InstantRefundState state) {
        String reference = command.reference() == null ? "" : command.reference();
        if (reference.equals(state.loyaltyRestoreReference)) {
            return List.of();
        }
        if (state.clawbackGatewayReference == null || state.loyaltyReference == null
                || state.loyaltyRestoreReference != null) {
            throw illegalState(ILLEGAL_TRANSITION, "no loyalty points are waiting to be given back");
        }
        requireNotTerminal(state, "restore the loyalty points of");
        if (command.pointsRestored() <= 0) {
            throw rule(INVALID_QUANTITY, "points given back must be positive, got " + command.pointsRestored());
        }
        return List.of(new LoyaltyPointsRestored(state.returnId, command.pointsRestored(), reference));
    }

    static List<Object> charged(RecordClawbackCharged command, InstantRefundState state) {
        if (command.gatewayReference().equals(state.clawbackGatewayReference)) {
            return List.of();
        }
        if (state.clawback == null || state.clawback.kind() != ClawbackKind.CHARGE
                || state.clawbackGatewayReference != null) {
            throw illegalState(ILLEGAL_TRANSITION, "no clawback is waiting to be charged");
        }
        requireNotTerminal(state, "charge the clawback of");
        if (!command.amount().equals(state.clawback.amount())) {
            throw rule(REFUND_AMOUNT_MISMATCH, "charged " + command.amount() + ", the clawback is "
                    + state.clawback.amount());
        }
        return List.of(new ClawbackCharged(state.returnId, command.gatewayReference(), command.amount()));
    }

    /** A failed attempt to charge the clawback is recorded as such; the process retries or escalates it. */
    static List<Object> onStepFailure(RecordStepFailure command, InstantRefundState state) {
        if (command.step() != ProcessStep.CLAWBACK_CHARGE || !chargeOwed(state)) {
            return List.of();
        }
        return List.of(new ClawbackChargeFailed(state.returnId, command.failureCode(), command.message(),
                !command.retryable()));
    }

    /** What a return refunded early still waits for before it completes. */
    static List<String> missingForCompletion(InstantRefundState state) {
        List<String> missing = new ArrayList<>();
        if (state.refundedEarly() && state.clawback == null) {
            missing.add("inspection after the early refund");
        }
        if (chargeOwed(state)) {
            missing.add("clawback charged");
        }
        if (state.clawbackGatewayReference != null && state.clawbackMemoDocument == null) {
            missing.add("clawback memo posted");
        }
        return missing;
    }

    private static boolean chargeOwed(InstantRefundState state) {
        return state.clawback != null && state.clawback.kind() == ClawbackKind.CHARGE
                && state.clawbackGatewayReference == null;
    }
}
