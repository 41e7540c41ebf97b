package io.omnireturns.api.integration;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.TenderType;

import java.util.List;

/**
 * {@code io.omnireturns.return.refund.approved.v1}: the refund is decided, to the minor unit. Per line
 * {@code merchandise + tax - restockingFee - conditionDeduction = amount}; lines plus {@code shippingRefund} make the
 * {@code total}, and the tenders split the total.
 */
public record RefundApprovedV1(String returnId, String currency, List<Line> lines, @Meaning("shipping charge given back, zero when none") Money shippingRefund,
                               @Meaning("lines plus shipping; what the customer gets back") Money total,
                               List<Tender> tenders) {

    public RefundApprovedV1 {
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
    }

    public record Line(String orderLineId, int quantity, Money merchandise, Money tax, Money restockingFee,
                       Money conditionDeduction, Money amount, @Meaning("the policy rules that shaped the amount, e.g. RESTOCKING_FEE_CHANGED_MIND") List<String> ruleCodes) {

        public Line {
            ruleCodes = List.copyOf(ruleCodes);
        }
    }

    /** The part of the refund going back to one tender of the order ({@code STORE_CREDIT}: new store credit). */
    public record Tender(@Meaning("the order's tender, or STORE_CREDIT for new store credit") String tenderId, @OneOf(TenderType.class) String tenderType, Money amount) {
    }
}
