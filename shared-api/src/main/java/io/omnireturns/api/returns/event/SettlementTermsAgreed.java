package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.quote.QuoteOption;
import org.axonframework.serialization.Revision;

import java.util.Map;

/**
 * The terms the return was requested on: the quote it was requested with ({@code quoteId} and the option it chose,
 * both null without one) and, for an exchange, each replacement's unit price by order line and the exchange bonus, as
 * quoted or as priced when requested, and the card a dearer replacement's difference would be charged to
 * ({@code chargeTenderId}, null when the order was not paid by card), and the store-credit bonus the quote offered. The refund decision settles on these.
 */
@EventMeaning("The return was requested on these terms: a quote it honours, and an exchange's replacement prices and bonus.")
@Revision("1")
public record SettlementTermsAgreed(String returnId, String quoteId, QuoteOption quotedOption,
                                    Map<String, Money> replacementUnitPrices, int exchangeBonusBasisPoints,
                                    String chargeTenderId, String chargeCardReference, int storeCreditBonusBasisPoints)
        implements ReturnEvent {

    public SettlementTermsAgreed {
        replacementUnitPrices = replacementUnitPrices == null ? Map.of() : Map.copyOf(replacementUnitPrices);
    }
}
