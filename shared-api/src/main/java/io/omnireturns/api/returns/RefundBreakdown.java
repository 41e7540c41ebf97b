package io.omnireturns.api.returns;

import io.omnireturns.api.money.Money;

import java.util.List;

/**
 * A refund decision to the minor unit: what each line gives back (merchandise net of promotions, its tax
 * share, less any restocking fee), any shipping refund, and how the total is split over the tenders.
 * Invariants (checked on construction): lines and shipping sum to the total, tenders sum to the total,
 * one currency throughout.
 */
public record RefundBreakdown(String currency, List<LineRefund> lines, Money shippingRefund, Money total,
                              List<TenderRefund> tenders) {

    public RefundBreakdown {
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
        Money lineSum = Money.sum(lines.stream().map(LineRefund::amount).toList(), currency);
        if (!lineSum.plus(shippingRefund).equals(total)) {
            throw new IllegalArgumentException("refund lines and shipping " + lineSum.plus(shippingRefund)
                    + " do not sum to the total " + total);
        }
        Money tenderSum = Money.sum(tenders.stream().map(TenderRefund::amount).toList(), currency);
        if (!tenderSum.equals(total)) {
            throw new IllegalArgumentException("tender split " + tenderSum + " does not sum to the total " + total);
        }
    }

    public static RefundBreakdown none(String currency) {
        return new RefundBreakdown(currency, List.of(), Money.zero(currency), Money.zero(currency), List.of());
    }

    public Money restockingFees() {
        return Money.sum(lines.stream().map(LineRefund::restockingFee).toList(), currency);
    }
}
