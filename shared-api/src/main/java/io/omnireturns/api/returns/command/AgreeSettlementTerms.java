package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.quote.QuoteOption;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Record the terms a return was requested on (its quote, its replacements' prices); once, before its decision. */
public record AgreeSettlementTerms(@TargetAggregateIdentifier String returnId, String quoteId, QuoteOption quotedOption,
                                   Map<String, Money> replacementUnitPrices, int exchangeBonusBasisPoints,
                                   String chargeTenderId, String chargeCardReference,
                                   int storeCreditBonusBasisPoints) {

    public AgreeSettlementTerms {
        replacementUnitPrices = replacementUnitPrices == null ? Map.of() : Map.copyOf(replacementUnitPrices);
    }
}
