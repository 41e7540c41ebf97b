package io.omnireturns.api.quote;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.TenderRefund;

import java.util.List;

/**
 * What one way of settling the return gives the shopper, exact to the minor unit, assuming the items arrive as
 * described: {@code refund} is paid back (split over {@code tenders}), {@code bonus} is the part of it that the
 * policy adds for this option (store credit or exchange bonus), and {@code charge} is what the shopper pays on top
 * (an exchange for a dearer item). An option that cannot be offered says why in {@code unavailableReason} (a code),
 * with zero amounts.
 */
public record QuoteOption(RefundMethod method, boolean available, String unavailableReason, Money refund, Money bonus,
                          Money charge, List<TenderRefund> tenders) {

    public QuoteOption {
        tenders = List.copyOf(tenders);
    }
}
