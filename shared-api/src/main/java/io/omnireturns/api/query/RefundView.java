package io.omnireturns.api.query;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.TenderRefund;

import java.time.Instant;
import java.util.List;

/**
 * The refund of a return. The decided figures ({@code approvedTotal}, {@code shippingRefund},
 * {@code restockingFees}, {@code tenderSplit}) are null or empty until the refund is approved;
 * {@code requestedAmount} is null until the payment gateway is asked; {@code refundedTotal} is what the
 * gateway confirmed, zero until then. An exchange is settled by a replacement order instead of money:
 * {@code replacementOrderId} names it (null otherwise). {@code settledAt} is when the payment gateway settled
 * the refund, null until then.
 */
public record RefundView(Money approvedTotal, Money shippingRefund, Money restockingFees,
                         List<TenderRefund> tenderSplit, Money requestedAmount, Money refundedTotal,
                         String gatewayReference, String replacementOrderId, List<RefundFailureView> failures,
                         Instant approvedAt, Instant requestedAt, Instant refundedAt, Instant settledAt) {

    public RefundView {
        tenderSplit = List.copyOf(tenderSplit);
        failures = List.copyOf(failures);
    }
}
