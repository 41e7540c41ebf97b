package io.omnireturns.command.returns.application;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.command.RecordRefundTaxApplied;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.command.policy.tax.AppliedRefundTax;
import io.omnireturns.command.policy.tax.PriceDifferenceTax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part of the refund decision: the tax the approved refund gives back per jurisdiction, with the tax service's
 * figures. The refund's own tax as the service figured it (or, where only an exchange's price difference was asked
 * about, the proportional share in the sale's jurisdiction), plus the price difference's tax where the exchange is
 * made (negative: the customer pays it on a dearer replacement), merged per jurisdiction.
 */
final class ExchangeTaxApplication {

    private ExchangeTaxApplication() {
    }

    static RecordRefundTaxApplied taxApplied(String returnId, RefundBreakdown breakdown, RefundTaxPlanner.Apply applied) {
        List<JurisdictionTax> refundTax = applied.refundTax()
                ? AppliedRefundTax.byJurisdiction(breakdown, applied.figures(), applied.order())
                : PriceDifferenceTax.proportionalGivenBack(breakdown, applied.order(), applied.saleJurisdiction());
        if (!applied.priceDifferenceTaxed()) {
            return new RecordRefundTaxApplied(returnId, applied.figures().calculation().calculationId(),
                    applied.reasons(), refundTax);
        }
        List<JurisdictionTax> difference = PriceDifferenceTax.givenBack(applied.asked(),
                applied.replacementUnitPrices(), applied.figures().request(), applied.figures().calculation());
        Money differenceTax = PriceDifferenceTax.taxGivenBack(difference, breakdown.currency());
        return new RecordRefundTaxApplied(returnId, applied.figures().calculation().calculationId(),
                applied.reasons(), merged(refundTax, difference), differenceTax);
    }

    /**
     * What the replacements cost with the service's tax on their price differences, as asked about on the refund with
     * the order's proportional share ({@link RefundTaxPlanner.Apply#asked}) and settled as {@code breakdown}.
     */
    static Money replacementCost(RefundBreakdown breakdown, Map<String, Money> replacementUnitPrices,
                                 RefundTaxPlanner.Apply applied) {
        return PriceDifferenceTax.replacementCost(applied.asked(), breakdown, replacementUnitPrices,
                applied.figures().request(), applied.figures().calculation());
    }

    private static List<JurisdictionTax> merged(List<JurisdictionTax> first, List<JurisdictionTax> second) {
        Map<String, JurisdictionTax> totals = new LinkedHashMap<>();
        for (List<JurisdictionTax> part : List.of(first, second)) {
            for (JurisdictionTax tax : part) {
                totals.merge(tax.jurisdiction(), tax, (earlier, more) -> earlier.plus(more.taxable(), more.tax()));
            }
        }
        return new ArrayList<>(totals.values());
    }
}
