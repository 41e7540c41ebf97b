package io.omnireturns.command.policy.refund;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.money.MoneyException;

import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.TenderRefund;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an exchange at a different price settles, exact to the minor unit: the returned items are worth
 * {@code returnedValue} (as the refund calculator prices them), the policy adds {@code bonus}, and the replacements
 * cost {@code replacementCost}. What is left over is refunded, what is missing is charged; never both:
 * {@code refund - charge = returnedValue + bonus - replacementCost}.
 */
public record ExchangeSettlement(Money returnedValue, Money bonus, Money replacementCost, Money refund, Money charge) {

    public ExchangeSettlement {
        Objects.requireNonNull(returnedValue, "returnedValue");
        Objects.requireNonNull(bonus, "bonus");
        Objects.requireNonNull(replacementCost, "replacementCost");
        if (refund.isNegative() || charge.isNegative() || (refund.isPositive() && charge.isPositive())) {
            throw new MoneyException("INVALID_SETTLEMENT", "an exchange refunds or charges, never both: refund "
                    + refund + ", charge " + charge);
        }
        if (!refund.minus(charge).equals(returnedValue.plus(bonus).minus(replacementCost))) {
            throw new MoneyException("INVALID_SETTLEMENT", "refund " + refund + " less charge " + charge
                    + " is not " + returnedValue + " + " + bonus + " - " + replacementCost);
        }
    }

    public static ExchangeSettlement of(Money returnedValue, Money bonus, Money replacementCost) {
        Money balance = returnedValue.plus(bonus).minus(replacementCost);
        Money zero = Money.zero(balance.currency());
        return new ExchangeSettlement(returnedValue, bonus, replacementCost, balance.max(zero), balance.negate().max(zero));
    }

    public boolean charges() {
        return charge.isPositive();
    }

    /** Nothing to refund and nothing to charge: the replacements cost what came back, bonus included. */
    public boolean even() {
        return refund.isZero() && charge.isZero();
    }

    /**
     * The refunded difference over the tenders the returned value was split over ({@code valueSplit}, in refund
     * order): each tender gives back at most its part of the value, so no tender gets more than was paid with it;
     * what the bonus adds beyond that is new store credit.
     */
    public List<TenderRefund> refundTenders(List<TenderRefund> valueSplit) {
        List<TenderRefund> parts = new ArrayList<>();
        Money outstanding = refund;
        for (TenderRefund tender : valueSplit) {
            Money part = tender.amount().min(outstanding);
            if (part.isPositive()) {
                parts.add(new TenderRefund(tender.tenderId(), tender.type(), part));
                outstanding = outstanding.minus(part);
            }
        }
        if (outstanding.isPositive()) {
            parts.add(new TenderRefund(RefundCalculator.STORE_CREDIT_TENDER_ID, TenderType.STORE_CREDIT, outstanding));
        }
        return parts;
    }
}
