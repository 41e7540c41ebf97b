package io.omnireturns.command.returns.quote;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.quote.ReturnQuote;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A quote as kept: what the shopper was shown, what they asked for (channel, store, lines with reasons and
 * replacements), each replacement's unit price at the time by order line and the exchange bonus then, so the
 * decision settles the exchange as quoted.
 */
public record StoredQuote(ReturnQuote quote, QuoteRequest request, Map<String, Money> replacementUnitPrices,
                          int exchangeBonusBasisPoints, int storeCreditBonusBasisPoints) {

    public StoredQuote {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(request, "request");
        replacementUnitPrices = replacementUnitPrices == null ? Map.of() : Map.copyOf(replacementUnitPrices);
    }

    public boolean validAt(Instant instant) {
        return instant.isBefore(quote.validUntil());
    }

    public SalesChannel channel() {
        return request.channel();
    }

    public String storeId() {
        return request.storeId();
    }
}
