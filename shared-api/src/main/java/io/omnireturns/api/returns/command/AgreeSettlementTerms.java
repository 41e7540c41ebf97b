package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Record the terms a return was requested on (its quote, its replacements' prices, the tax service's figures the
 * quote's option was priced with); once, before its decision.
 */
public record AgreeSettlementTerms(@TargetAggregateIdentifier String returnId, String quoteId, QuoteOption quotedOption,
                                   Map<String, Money> replacementUnitPrices, int exchangeBonusBasisPoints,
                                   String chargeTenderId, String chargeCardReference,
                                   int storeCreditBonusBasisPoints, TaxRequest quotedTaxRequest,
                                   TaxCalculation quotedTaxCalculation) {

    public AgreeSettlementTerms {
        replacementUnitPrices = replacementUnitPrices == null ? Map.of() : Map.copyOf(replacementUnitPrices);
    }

    /** Terms without the tax service's figures. */
    public AgreeSettlementTerms(String returnId, String quoteId, QuoteOption quotedOption,
                                Map<String, Money> replacementUnitPrices, int exchangeBonusBasisPoints,
                                String chargeTenderId, String chargeCardReference, int storeCreditBonusBasisPoints) {
        this(returnId, quoteId, quotedOption, replacementUnitPrices, exchangeBonusBasisPoints, chargeTenderId,
                chargeCardReference, storeCreditBonusBasisPoints, null, null);
    }
}
