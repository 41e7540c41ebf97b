package io.omnireturns.command.returns.quote;

import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.api.security.AccessScope;

import java.util.Optional;

/**
 * Prices a return before it is requested: per line whether it can come back (and why not), per option (original
 * payment, store credit, exchange) the exact amounts. The quote is kept, so the later decision can honour it.
 */
public interface ReturnQuotes {

    /** A new quote for the request, within the caller's scope (a customer only quotes their own orders). */
    ReturnQuote quote(QuoteRequest request, AccessScope scope);

    /** A quote given earlier, while it is still valid. */
    Optional<ReturnQuote> find(String quoteId);
}
