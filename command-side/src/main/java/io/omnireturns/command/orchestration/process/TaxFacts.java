package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.event.RefundTaxApplied;

/**
 * What the process remembers of the tax service's figures beside {@link MoneyFacts#taxGivenBack}: the part of the
 * tax given back that is an exchange's price difference (null when none), which the credit memo names apart.
 */
final class TaxFacts {

    Money priceDifferenceTax;

    void apply(Object event) {
        if (event instanceof RefundTaxApplied e) {
            priceDifferenceTax = e.priceDifferenceTax();
        }
    }
}
