package io.omnireturns.command.returns.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.command.returns.quote.ReturnQuoteService;
import io.omnireturns.command.returns.quote.StoredQuote;
import io.omnireturns.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Quotes: what each way of settling a return would give the shopper, before it is requested. Thin. */
@RestController
@Validated
@RequestMapping("/api/v1/returns/quotes")
@Tag(name = "returns (commands)")
public class ReturnQuoteController {

    private static final String QUOTE_ID = "[A-Za-z0-9-]{1,64}";

    private final ReturnQuoteService quotes;

    public ReturnQuoteController(ReturnQuoteService quotes) {
        this.quotes = quotes;
    }

    @PostMapping
    @Operation(summary = "Price a return before requesting it: per line whether it can come back, per option "
            + "(original payment, store credit with its bonus, exchange with the price difference) the exact amounts",
            description = "Nothing is reserved. The quote is kept until validUntil; a return requested with its "
                    + "quoteId is refunded no less than the chosen option says when its items arrive as described. "
                    + "Where the refund decision would ask the tax service (a store return in another country, an "
                    + "exchange at a different price), the quote asks it first and prices the options with its "
                    + "figures (taxReasons says why); the return requested with the quote is settled with them.")
    @ApiResponse(responseCode = "201", description = "the quote")
    @ApiResponse(responseCode = "400", description = "a body that breaks the contract (code MALFORMED_REQUEST, "
            + "VALIDATION_FAILED, UNKNOWN_FIELD, DUPLICATE_FIELD, INVALID_QUANTITY, RETURN_HAS_NO_LINES or "
            + "STORE_ID_REQUIRED)")
    @ApiResponse(responseCode = "403", description = "a store or an order's customer outside the caller's scope "
            + "(code STORE_NOT_IN_SCOPE or CUSTOMER_NOT_IN_SCOPE)")
    @ApiResponse(responseCode = "422", description = "the order system knows no such order (code ORDER_NOT_FOUND)")
    @ApiResponse(responseCode = "503", description = "the amounts need the tax service and it did not answer within "
            + "omnireturns.tax.quote-timeout, or refused (code TAX_SERVICE_UNAVAILABLE), with Retry-After; no quote "
            + "was kept")
    public ResponseEntity<ReturnQuote> quote(@RequestBody QuoteRequest request, Caller caller) {
        ReturnQuote quote = quotes.quote(request, caller.scope());
        return ResponseEntity.created(URI.create("/api/v1/returns/quotes/" + quote.quoteId())).body(quote);
    }

    @GetMapping("/{quoteId}")
    @Operation(summary = "A quote given earlier; validUntil says until when a return requested with it honours it")
    @ApiResponse(responseCode = "200", description = "the quote")
    @ApiResponse(responseCode = "404", description = "no such quote, or not one the caller may see "
            + "(code QUOTE_NOT_FOUND)")
    public ReturnQuote find(@PathVariable @Pattern(regexp = QUOTE_ID) String quoteId, Caller caller) {
        return quotes.stored(quoteId, caller.scope()).map(StoredQuote::quote)
                .orElseThrow(() -> new DomainException(ErrorKind.NOT_FOUND, ReturnQuoteService.QUOTE_NOT_FOUND,
                        "no quote with id " + quoteId));
    }
}
