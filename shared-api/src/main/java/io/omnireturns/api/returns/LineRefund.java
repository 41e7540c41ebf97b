package io.omnireturns.api.returns;

import io.omnireturns.api.money.Money;

import java.util.List;

/**
 * What one return line gives back: {@code merchandise} (paid price net of line and prorated order promotions)
 * plus {@code tax} less {@code restockingFee} and any {@code conditionDeduction} equals {@code amount}.
 * {@code ruleCodes} name the policy rules that shaped it (e.g. {@code RESTOCKING_FEE_CHANGED_MIND}).
 */
public record LineRefund(String orderLineId, int quantity, Money merchandise, Money tax, Money restockingFee,
                         Money conditionDeduction, Money amount, List<String> ruleCodes) {

    public LineRefund {
        ruleCodes = List.copyOf(ruleCodes);
        if (!merchandise.plus(tax).minus(restockingFee).minus(conditionDeduction).equals(amount)) {
            throw new IllegalArgumentException("line " + orderLineId + " refund parts do not sum to " + amount);
        }
    }
}
