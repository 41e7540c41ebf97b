package io.omnireturns.command.policy.refund;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.money.MoneyException;
import io.omnireturns.api.returns.LineRefund;

import java.util.Objects;

/**
 * What has been refunded so far for one order line: units, merchandise and tax, before any restocking
 * fee or condition deduction (those units are gone either way, so their share of the price is used up).
 */
public record LineTotals(int units, Money merchandise, Money tax) {

    public LineTotals {
        if (units < 0) {
            throw new IllegalArgumentException("refunded units must not be negative, got " + units);
        }
        Objects.requireNonNull(merchandise, "merchandise");
        Objects.requireNonNull(tax, "tax");
        if (!merchandise.currency().equals(tax.currency())) {
            throw new MoneyException("CURRENCY_MISMATCH",
                    "merchandise in " + merchandise.currency() + " but tax in " + tax.currency());
        }
    }

    public static LineTotals none(String currency) {
        return new LineTotals(0, Money.zero(currency), Money.zero(currency));
    }

    public LineTotals plus(LineRefund refund) {
        return plus(new LineTotals(refund.quantity(), refund.merchandise(), refund.tax()));
    }

    public LineTotals plus(LineTotals other) {
        return new LineTotals(Math.addExact(units, other.units()),
                merchandise.plus(other.merchandise()), tax.plus(other.tax()));
    }
}
