package io.omnireturns.command.returns.quote;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.command.policy.tax.RefundTaxFigures;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A quote as kept: what the shopper was shown, what they asked for (channel, store, lines with reasons and
 * replacements), each replacement's unit price at the time by order line and the exchange bonus then, so the
 * decision settles the exchange as quoted; and the tax service's figures the options were priced with, where it was
 * asked: {@code refundTax} for the money options (original payment, store credit, gift card), {@code exchangeTax}
 * for the exchange (null where the option kept the order's proportional share of tax).
 */
public record StoredQuote(ReturnQuote quote, QuoteRequest request, Map<String, Money> replacementUnitPrices,
                          int exchangeBonusBasisPoints, int storeCreditBonusBasisPoints, RefundTaxFigures refundTax,
                          RefundTaxFigures exchangeTax) {

    public StoredQuote {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(request, "request");
        replacementUnitPrices = replacementUnitPrices == null ? Map.of() : Map.copyOf(replacementUnitPrices);
    }

    /** A quote priced with the order's proportional share of tax throughout. */
    public StoredQuote(ReturnQuote quote, QuoteRequest request, Map<String, Money> replacementUnitPrices,
                       int exchangeBonusBasisPoints, int storeCreditBonusBasisPoints) {
        this(quote, request, replacementUnitPrices, exchangeBonusBasisPoints, storeCreditBonusBasisPoints, null, null);
    }

    /** The tax service's figures the option of {@code method} was priced with, if any. */
    public Optional<RefundTaxFigures> taxFor(RefundMethod method) {
        return Optional.ofNullable(method == RefundMethod.EXCHANGE ? exchangeTax : refundTax);
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
