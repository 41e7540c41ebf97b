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
 * with zero amounts. {@code taxReasons}: why the tax in these amounts is the tax service's figure (the reasons the
 * refund decision asks it for, such as {@code CROSS_JURISDICTION} or {@code PRICE_DIFFERENCE}); empty when it is the
 * order's proportional share.
 */
public record QuoteOption(RefundMethod method, boolean available, String unavailableReason, Money refund, Money bonus,
                          Money charge, List<TenderRefund> tenders, List<String> taxReasons) {

    public QuoteOption {
        tenders = List.copyOf(tenders);
        taxReasons = taxReasons == null ? List.of() : List.copyOf(taxReasons);
    }

    /** Priced with the order's proportional share of tax. */
    public QuoteOption(RefundMethod method, boolean available, String unavailableReason, Money refund, Money bonus,
                       Money charge, List<TenderRefund> tenders) {
        this(method, available, unavailableReason, refund, bonus, charge, tenders, List.of());
    }

    /** The same option, its tax figured by the tax service for {@code reasons}. */
    public QuoteOption withTaxReasons(List<String> reasons) {
        return new QuoteOption(method, available, unavailableReason, refund, bonus, charge, tenders, reasons);
    }
}
