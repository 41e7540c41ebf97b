package io.omnireturns.command.returns;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.RecordCreditMemoPosted;
import io.omnireturns.api.returns.command.RecordInventoryAdjusted;
import io.omnireturns.api.returns.command.RecordLoyaltyAdjusted;
import io.omnireturns.api.returns.command.RecordRefundFailed;
import io.omnireturns.api.returns.command.RecordRefundIssued;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.command.RecordRefundSettled;
import io.omnireturns.api.returns.command.RecordReplacementOrderCreated;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReplacementOrderCreated;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnPutOnHold;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.omnireturns.command.returns.ReturnErrors.*;
import static io.omnireturns.command.returns.ReturnLifecycle.requireNotTerminal;
import static io.omnireturns.command.returns.ReturnLifecycle.requireStatus;

/**
 * The return's money and settlement rules, apart from its state: what a refund may pay for, how the payment, the
 * credit memo, loyalty and an exchange are recorded, what stock may move, and what must be done before the return
 * completes. Each decision answers the events to apply (none when the news is already known) or refuses with a
 * stable code; none changes anything.
 */
@PlainJava
final class ReturnMoney {

    private ReturnMoney() {
    }

    static List<Object> approve(ApproveRefund command, ReturnState state) {
        if (state.approvedRefund != null) {
            throw illegalState(REFUND_ALREADY_APPROVED, "the refund of this return is already decided");
        }
        if (state.status != ReturnStatus.INSPECTED) {
            throw illegalState(REFUND_BEFORE_INSPECTION,
                    "a refund is decided only after inspection; the return is " + state.status);
        }
        checkApproval(command.breakdown(), state.currency, state.lines);
        return List.of(new RefundApproved(state.returnId, command.breakdown()));
    }

    static List<Object> refundRequested(RecordRefundRequested command, ReturnState state) {
        requireApprovedRefund(state);
        if (command.idempotencyKey().equals(state.refundRequestKey)) {
            return List.of();
        }
        if (state.refundedEarly()) {
            requireStatus(state, "request the early refund of", ReturnStatus.IN_TRANSIT);
        } else {
            requireStatus(state, "request the refund of", ReturnStatus.INSPECTED);
        }
        requireRefundAmount(state, command.amount());
        return List.of(new RefundRequested(state.returnId, command.idempotencyKey(), command.amount()));
    }

    static List<Object> refundIssued(RecordRefundIssued command, ReturnState state) {
        requireApprovedRefund(state);
        if (command.gatewayReference().equals(state.refundGatewayReference)) {
            return List.of();
        }
        boolean heldWhilePending = state.status == ReturnStatus.ON_HOLD && state.heldFrom == ReturnStatus.REFUND_PENDING;
        if (!heldWhilePending) {
            // a confirmation of money paid is recorded even while a person looks at the return
            requireStatus(state, "confirm the refund of", ReturnStatus.REFUND_PENDING);
        }
        requireRefundAmount(state, command.amount());
        RefundIssued issued = new RefundIssued(state.returnId, command.gatewayReference(), command.amount());
        return command.settled()
                ? List.of(issued, new RefundSettled(state.returnId, command.gatewayReference()))
                : List.of(issued);
    }

    /** A final failure holds the return where it waited for the money. */
    static List<Object> refundFailed(RecordRefundFailed command, ReturnState state) {
        requireStatus(state, "record a failed refund of", ReturnStatus.REFUND_PENDING);
        RefundFailed failed = new RefundFailed(state.returnId, command.failureCode(), command.message(),
                command.finalFailure());
        if (!command.finalFailure()) {
            return List.of(failed);
        }
        return List.of(failed, new ReturnPutOnHold(state.returnId, HoldReason.REFUND_FAILED, ExternalSystem.PAYMENT,
                command.failureCode() + ": " + command.message(), ReturnStatus.REFUND_PENDING));
    }

    static List<Object> refundSettled(RecordRefundSettled command, ReturnState state) {
        if (state.refundSettled) {
            return List.of();
        }
        if (state.refundGatewayReference == null) {
            throw illegalState(ILLEGAL_TRANSITION, "no refund was issued for this return yet");
        }
        return List.of(new RefundSettled(state.returnId, command.gatewayReference()));
    }

    static List<Object> creditMemoPosted(RecordCreditMemoPosted command, ReturnState state) {
        requireApprovedRefund(state);
        requireNotTerminal(state, "post a credit memo for");
        if (command.documentNumber().equals(state.creditMemoDocument)) {
            return List.of();
        }
        if (state.creditMemoDocument != null) {
            throw illegalState(CREDIT_MEMO_ALREADY_POSTED,
                    "credit memo " + state.creditMemoDocument + " is already posted");
        }
        if (!command.amount().equals(state.approvedRefund.total())) {
            throw rule(CREDIT_MEMO_AMOUNT_MISMATCH, "credit memo of " + command.amount()
                    + " does not match the refund of " + state.approvedRefund.total());
        }
        return List.of(new CreditMemoPosted(state.returnId, command.documentNumber(), command.amount(),
                command.taxByJurisdiction()));
    }

    static List<Object> inventoryAdjusted(RecordInventoryAdjusted command, ReturnState state) {
        if (state.inventoryAdjustmentIds.contains(command.adjustmentId())) {
            return List.of();
        }
        requireNotTerminal(state, "adjust inventory for");
        ReturnLine line = checkInventoryAdjustment(command, state.lines.get(command.orderLineId()));
        return List.of(new InventoryAdjusted(state.returnId, command.adjustmentId(), command.orderLineId(), line.sku,
                command.disposition(), command.locationId(), command.quantity()));
    }

    static List<Object> loyaltyAdjusted(RecordLoyaltyAdjusted command, ReturnState state) {
        requireApprovedRefund(state);
        requireNotTerminal(state, "adjust loyalty for");
        if (state.loyaltyReference != null) {
            return List.of(); // points are reversed once per return
        }
        return List.of(new LoyaltyAdjusted(state.returnId, command.pointsReversed(), command.reference()));
    }

    static List<Object> replacementOrderCreated(RecordReplacementOrderCreated command, ReturnState state) {
        requireApprovedRefund(state);
        if (command.replacementOrderId().equals(state.replacementOrderId)) {
            return List.of();
        }
        if (state.refundMethod != RefundMethod.EXCHANGE) {
            throw rule(NOT_AN_EXCHANGE, "this return is refunded in money, not exchanged");
        }
        // settled early, the parcel is still on its way
        ReturnStatus settledAt = state.refundedEarly() ? ReturnStatus.IN_TRANSIT : ReturnStatus.INSPECTED;
        if (state.exchangeDifference != null) {
            // a difference refunded alongside: the replacement goes out whatever the refund's progress
            requireStatus(state, "settle the exchange of", settledAt, ReturnStatus.REFUND_PENDING,
                    ReturnStatus.REFUNDED);
        } else {
            requireStatus(state, "settle the exchange of", settledAt);
        }
        return List.of(new ReplacementOrderCreated(state.returnId, command.replacementOrderId()));
    }

    static List<Object> complete(CompleteReturn command, ReturnState state) {
        List<String> missing = missingForCompletion(state.status, state.approvedRefund, state.creditMemoDocument,
                state.refundGatewayReference != null, state.refundSettled, state.lines.values(),
                !state.notifiedMilestones.isEmpty());
        missing.addAll(ReturnExchange.missingForCompletion(state));
        if (state instanceof InstantRefundState early) {
            missing.addAll(ReturnInstantRefund.missingForCompletion(early));
        }
        if (!missing.isEmpty()) {
            throw illegalState(RETURN_NOT_COMPLETABLE, "cannot complete yet, missing: " + String.join("; ", missing));
        }
        return List.of(new ReturnCompleted(state.returnId));
    }

    private static void requireApprovedRefund(ReturnState state) {
        if (state.approvedRefund == null) {
            throw illegalState(REFUND_NOT_APPROVED, "the refund of this return is not decided yet");
        }
    }

    private static void requireRefundAmount(ReturnState state, Money amount) {
        if (!amount.equals(state.moneyBack())) {
            throw rule(REFUND_AMOUNT_MISMATCH, "amount " + amount + " differs from the approved refund "
                    + state.moneyBack());
        }
    }

    /** A refund in the order's currency, for no more units of a line than inspection accepted. */
    private static void checkApproval(RefundBreakdown breakdown, String currency, Map<String, ReturnLine> lines) {
        if (!breakdown.currency().equals(currency)) {
            throw rule(CURRENCY_MISMATCH, "refund in " + breakdown.currency() + " for an order in " + currency);
        }
        Map<String, Integer> unitsByLine = new HashMap<>(); // a line may come in parts (units graded differently)
        for (LineRefund refund : breakdown.lines()) {
            ReturnLine line = lines.get(refund.orderLineId());
            int units = unitsByLine.merge(refund.orderLineId(), refund.quantity(), Integer::sum);
            if (line == null || !line.inspected || units > line.acceptedQuantity) {
                throw rule(REFUND_EXCEEDS_ACCEPTED, "line " + refund.orderLineId()
                        + " cannot be refunded for more items than inspection accepted");
            }
        }
    }

    /** Stock moves for an inspected line, under its disposition, for no more than was received; answers the line. */
    private static ReturnLine checkInventoryAdjustment(RecordInventoryAdjusted command, ReturnLine line) {
        if (line == null || !line.inspected) {
            throw illegalState(LINE_NOT_INSPECTED, "line " + command.orderLineId() + " is not inspected yet");
        }
        if (command.disposition() != line.disposition) {
            throw rule(DISPOSITION_MISMATCH, "line " + command.orderLineId() + " was dispositioned "
                    + line.disposition + ", not " + command.disposition());
        }
        if (command.quantity() <= 0 || line.inventoryAdjustedQuantity + command.quantity() > line.settledQuantity()) {
            throw rule(INVENTORY_EXCEEDS_RECEIVED, "line " + command.orderLineId() + " received (or kept) "
                    + line.settledQuantity() + " items; " + line.inventoryAdjustedQuantity + " already adjusted");
        }
        return line;
    }

    /** What the return still waits for before it may complete; empty when nothing. */
    private static List<String> missingForCompletion(ReturnStatus status, RefundBreakdown approvedRefund,
                                             String creditMemoDocument, boolean paidThroughGateway,
                                             boolean refundSettled, Collection<ReturnLine> lines,
                                             boolean customerNotified) {
        List<String> missing = new ArrayList<>();
        if (status != ReturnStatus.REFUNDED) {
            missing.add("refund confirmed (return is " + status + ")");
        }
        if (approvedRefund != null && approvedRefund.total().isPositive() && creditMemoDocument == null) {
            missing.add("credit memo posted");
        }
        if (paidThroughGateway && !refundSettled) {
            missing.add("refund settled");
        }
        lines.stream()
                .filter(line -> line.inspected && line.inventoryAdjustedQuantity < line.settledQuantity())
                .forEach(line -> missing.add("inventory adjusted for line " + line.orderLineId));
        if (!customerNotified) {
            missing.add("customer notified");
        }
        return missing;
    }
}
