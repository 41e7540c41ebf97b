package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import org.axonframework.serialization.Revision;

import java.util.Map;

/**
 * The terms the return was requested on: the quote it was requested with ({@code quoteId} and the option it chose,
 * both null without one) and, for an exchange, each replacement's unit price by order line and the exchange bonus, as
 * quoted or as priced when requested, and the card a dearer replacement's difference would be charged to
 * ({@code chargeTenderId}, null when the order was not paid by card), and the store-credit bonus the quote offered. The refund decision settles on these.
 * {@code quotedTaxRequest} and {@code quotedTaxCalculation}: where the quote's chosen option was priced with the tax
 * service's figures, what the quote asked the service and its answer, which the decision applies when the items
 * arrive as quoted (null when the quote asked no tax service, and on returns recorded before quotes did).
 */
@EventMeaning("The return was requested on these terms: a quote it honours, and an exchange's replacement prices and bonus.")
@Revision("1")
public record SettlementTermsAgreed(String returnId, String quoteId, QuoteOption quotedOption,
                                    Map<String, Money> replacementUnitPrices, int exchangeBonusBasisPoints,
                                    String chargeTenderId, String chargeCardReference, int storeCreditBonusBasisPoints,
                                    TaxRequest quotedTaxRequest, TaxCalculation quotedTaxCalculation)
        implements ReturnEvent {

    public SettlementTermsAgreed {
        replacementUnitPrices = replacementUnitPrices == null ? Map.of() : Map.copyOf(replacementUnitPrices);
        if ((quotedTaxRequest == null) != (quotedTaxCalculation == null)) {
            throw new IllegalArgumentException("a quoted tax calculation goes with the request it answers");
        }
    }

    /** Terms without the tax service's figures. */
    public SettlementTermsAgreed(String returnId, String quoteId, QuoteOption quotedOption,
                                 Map<String, Money> replacementUnitPrices, int exchangeBonusBasisPoints,
                                 String chargeTenderId, String chargeCardReference, int storeCreditBonusBasisPoints) {
        this(returnId, quoteId, quotedOption, replacementUnitPrices, exchangeBonusBasisPoints, chargeTenderId,
                chargeCardReference, storeCreditBonusBasisPoints, null, null);
    }
}
