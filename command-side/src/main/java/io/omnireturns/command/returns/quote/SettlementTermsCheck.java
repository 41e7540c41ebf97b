package io.omnireturns.command.returns.quote;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.quote.QuotedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.command.AgreeSettlementTerms;
import io.omnireturns.command.connectors.warehouse.Warehouse;
import io.omnireturns.command.policy.config.SettlementPolicyProperties;
import io.omnireturns.command.policy.tax.RefundTaxFigures;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The terms a return request is recorded on, checked before anything is recorded: the quote it names (this order's,
 * still valid, covering its lines, with the chosen option available), and for an exchange the replacements' prices
 * (as quoted, or from the catalogue now) and their stock, and the tax service's figures the quote's option was priced
 * with. A request the terms refuse records nothing.
 * An exchange whose replacements the catalogue does not price, and that names no quote, settles in goods as before.
 */
@Component
public class SettlementTermsCheck {

    public static final String QUOTE_NOT_FOUND = ReturnQuoteService.QUOTE_NOT_FOUND;
    public static final String QUOTE_EXPIRED = "QUOTE_EXPIRED";
    public static final String QUOTE_FOR_ANOTHER_ORDER = "QUOTE_FOR_ANOTHER_ORDER";
    public static final String QUOTE_DOES_NOT_COVER_LINES = "QUOTE_DOES_NOT_COVER_LINES";
    public static final String QUOTE_OPTION_UNAVAILABLE = "QUOTE_OPTION_UNAVAILABLE";
    public static final String REPLACEMENT_OUT_OF_STOCK = "REPLACEMENT_OUT_OF_STOCK";

    private final ReturnQuoteService quotes;
    private final ReplacementPrices replacements;
    private final Warehouse warehouse;
    private final SettlementPolicyProperties settlement;
    private final Clock clock;

    SettlementTermsCheck(ReturnQuoteService quotes, ReplacementPrices replacements, Warehouse warehouse,
                         SettlementPolicyProperties settlement, Clock clock) {
        this.quotes = quotes;
        this.replacements = replacements;
        this.warehouse = warehouse;
        this.settlement = settlement;
        this.clock = clock;
    }

    /** The terms to record with the return, or none (no quote, and not a priced exchange). */
    public Optional<AgreeSettlementTerms> termsFor(String returnId, String quoteId, OrderSnapshot order,
                                                   RefundMethod method, java.util.List<RequestedLine> lines) {
        Optional<Tender> card = order.tenders().stream().filter(tender -> tender.type() == TenderType.CARD).findFirst();
        String cardId = card.map(Tender::tenderId).orElse(null);
        String cardReference = card.map(Tender::reference).orElse(null);
        if (quoteId != null) {
            StoredQuote quote = checkedQuote(quoteId, order, method, lines);
            Map<String, Money> prices = method == RefundMethod.EXCHANGE ? quote.replacementUnitPrices() : Map.of();
            requireInStock(lines, prices);
            // the tax service's figures the chosen option was priced with: the decision applies them as quoted
            Optional<RefundTaxFigures> tax = quote.taxFor(method);
            return Optional.of(new AgreeSettlementTerms(returnId, quoteId, quote.quote().option(method).orElseThrow(),
                    prices, quote.exchangeBonusBasisPoints(), cardId, cardReference,
                    method == RefundMethod.STORE_CREDIT ? quote.storeCreditBonusBasisPoints() : 0,
                    tax.map(RefundTaxFigures::request).orElse(null),
                    tax.map(RefundTaxFigures::calculation).orElse(null)));
        }
        if (method != RefundMethod.EXCHANGE) {
            return Optional.empty();
        }
        ReplacementPrices.Priced priced = replacements.price(order, lines);
        if (priced.unavailableReason() != null) {
            return Optional.empty();
        }
        requireInStock(lines, priced.unitPrices());
        return Optional.of(new AgreeSettlementTerms(returnId, null, null, priced.unitPrices(),
                settlement.exchangeBonusBps(), cardId, cardReference, 0));
    }

    private StoredQuote checkedQuote(String quoteId, OrderSnapshot order, RefundMethod method,
                                     java.util.List<RequestedLine> lines) {
        StoredQuote quote = quotes.stored(quoteId).orElseThrow(() -> new DomainException(ErrorKind.NOT_FOUND,
                QUOTE_NOT_FOUND, "no quote with id " + quoteId));
        if (!quote.quote().orderId().equals(order.orderId())) {
            throw new DomainException(ErrorKind.RULE_VIOLATION, QUOTE_FOR_ANOTHER_ORDER,
                    "quote " + quoteId + " is for order " + quote.quote().orderId() + ", not " + order.orderId());
        }
        if (!quote.validAt(clock.instant())) {
            throw new DomainException(ErrorKind.RULE_VIOLATION, QUOTE_EXPIRED,
                    "quote " + quoteId + " was valid until " + quote.quote().validUntil() + "; ask for a new one");
        }
        for (RequestedLine line : lines) {
            if (!covers(quote, line)) {
                throw new DomainException(ErrorKind.RULE_VIOLATION, QUOTE_DOES_NOT_COVER_LINES, "quote " + quoteId
                        + " does not price " + line.quantity() + " of line " + line.orderLineId() + " for "
                        + line.reason() + (line.replacementSku() == null ? "" : " as " + line.replacementSku()));
            }
        }
        QuoteOption option = quote.quote().option(method).orElse(null);
        if (option == null || !option.available()) {
            throw new DomainException(ErrorKind.RULE_VIOLATION, QUOTE_OPTION_UNAVAILABLE, "quote " + quoteId
                    + " offers no " + method + (option == null ? "" : " (" + option.unavailableReason() + ")"));
        }
        return quote;
    }

    /** The quote priced this line: the same order line, reason and replacement, and at least this many units. */
    private static boolean covers(StoredQuote quote, RequestedLine line) {
        for (int i = 0; i < quote.request().lines().size(); i++) {
            RequestedLine quoted = quote.request().lines().get(i);
            QuotedLine decided = quote.quote().lines().get(i);
            if (quoted.orderLineId().equals(line.orderLineId())) {
                return quoted.reason() == line.reason()
                        && Objects.equals(blankToNull(quoted.replacementSku()), blankToNull(line.replacementSku()))
                        && line.quantity() <= decided.returnableQuantity();
            }
        }
        return false;
    }

    private void requireInStock(java.util.List<RequestedLine> lines, Map<String, Money> prices) {
        if (prices.isEmpty()) {
            return;
        }
        Map<String, Integer> wanted = new java.util.LinkedHashMap<>();
        lines.stream().filter(line -> line.replacementSku() != null && prices.containsKey(line.orderLineId()))
                .forEach(line -> wanted.merge(line.replacementSku(), line.quantity(), Integer::sum));
        wanted.forEach((sku, units) -> {
            int available = warehouse.availableStock(sku);
            if (available < units) {
                throw new DomainException(ErrorKind.RULE_VIOLATION, REPLACEMENT_OUT_OF_STOCK,
                        "replacement " + sku + " has " + available + " units in stock, " + units + " wanted");
            }
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
