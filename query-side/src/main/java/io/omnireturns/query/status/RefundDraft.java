package io.omnireturns.query.status;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.query.RefundFailureView;
import io.omnireturns.api.query.RefundView;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.event.RefundFailed;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The money part of a return's status view opened for change: what was approved, asked of the payment gateway,
 * paid, settled or exchanged, and every failure on the way. Part of a {@link ReturnStatusDraft}, which says when.
 */
@PlainJava
final class RefundDraft {

    private Money approvedTotal;
    private Money shippingRefund;
    private Money restockingFees;
    private List<TenderRefund> tenderSplit = List.of();
    private Money requestedAmount;
    private Money refundedTotal;
    private String gatewayReference;
    private String replacementOrderId;
    private final List<RefundFailureView> failures = new ArrayList<>();
    private Instant approvedAt;
    private Instant requestedAt;
    private Instant refundedAt;
    private Instant settledAt;

    private RefundDraft() {
    }

    /** Nothing approved or paid yet: nothing refunded, in the order's currency. */
    static RefundDraft none(String currency) {
        RefundDraft draft = new RefundDraft();
        draft.refundedTotal = Money.zero(currency);
        return draft;
    }

    static RefundDraft of(RefundView refund) {
        RefundDraft draft = new RefundDraft();
        draft.approvedTotal = refund.approvedTotal();
        draft.shippingRefund = refund.shippingRefund();
        draft.restockingFees = refund.restockingFees();
        draft.tenderSplit = refund.tenderSplit();
        draft.requestedAmount = refund.requestedAmount();
        draft.refundedTotal = refund.refundedTotal();
        draft.gatewayReference = refund.gatewayReference();
        draft.replacementOrderId = refund.replacementOrderId();
        draft.failures.addAll(refund.failures());
        draft.approvedAt = refund.approvedAt();
        draft.requestedAt = refund.requestedAt();
        draft.refundedAt = refund.refundedAt();
        draft.settledAt = refund.settledAt();
        return draft;
    }

    RefundView toView() {
        return new RefundView(approvedTotal, shippingRefund, restockingFees, tenderSplit, requestedAmount,
                refundedTotal, gatewayReference, replacementOrderId, failures, approvedAt, requestedAt, refundedAt,
                settledAt);
    }

    /** A refund of nothing counts as refunded when it is approved, without the payment gateway. */
    void approved(RefundBreakdown breakdown, Instant at) {
        approvedTotal = breakdown.total();
        shippingRefund = breakdown.shippingRefund();
        restockingFees = breakdown.restockingFees();
        tenderSplit = breakdown.tenders();
        approvedAt = at;
        if (breakdown.total().isZero()) {
            refundedAt = at;
        }
    }

    void requested(Money amount, Instant at) {
        requestedAmount = amount;
        requestedAt = at;
    }

    void issued(Money amount, String reference, Instant at) {
        refundedTotal = amount;
        gatewayReference = reference;
        refundedAt = at;
    }

    void failed(RefundFailed event, Instant at) {
        failures.add(new RefundFailureView(event.failureCode(), event.message(), event.finalFailure(), at));
    }

    /** Answers the reference the settlement is known by: its own, or the payment's when it names none. */
    String settled(String reference, Instant at) {
        settledAt = at;
        return reference == null ? gatewayReference : reference;
    }

    /** An exchange: the replacement order takes the place of the money. */
    void exchanged(String replacementOrder, Instant at) {
        replacementOrderId = replacementOrder;
        refundedAt = at;
    }
}
