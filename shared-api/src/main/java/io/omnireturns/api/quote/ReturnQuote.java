package io.omnireturns.api.quote;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.omnireturns.api.returns.RefundMethod;

/**
 * The amounts a shopper is shown before submitting a return, kept under {@code quoteId} until {@code validUntil}: a
 * return requested with this quote is decided at no less than the chosen option says, when its items arrive as
 * described.
 */
public record ReturnQuote(String quoteId, String orderId, String customerId, String currency, Instant quotedAt,
                          Instant validUntil, List<QuotedLine> lines, List<QuoteOption> options) {

    public ReturnQuote {
        lines = List.copyOf(lines);
        options = List.copyOf(options);
    }

    public Optional<QuoteOption> option(RefundMethod method) {
        return options.stream().filter(option -> option.method() == method).findFirst();
    }
}
