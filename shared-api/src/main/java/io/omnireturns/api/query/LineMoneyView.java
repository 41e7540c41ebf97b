package io.omnireturns.api.query;

import io.omnireturns.api.money.Money;

import java.util.List;

/**
 * The money of one line: {@code refundableAmount} and {@code restockingFee} once the refund is approved,
 * {@code refundedAmount} once the payment gateway confirmed it; null before. {@code ruleCodes} name the
 * refund policy rules that shaped the amount.
 */
public record LineMoneyView(Money refundableAmount, Money refundedAmount, Money restockingFee,
                            List<String> ruleCodes) {

    public LineMoneyView {
        ruleCodes = List.copyOf(ruleCodes);
    }
}
