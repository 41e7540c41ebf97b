package io.omnireturns.command.returns.quote;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.quote.QuoteRequest;
import io.omnireturns.api.quote.QuotedLine;
import io.omnireturns.api.quote.ReturnQuote;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.security.AccessScope;
import io.omnireturns.command.connectors.orders.OrderSystem;
import io.omnireturns.command.policy.config.SettlementPolicyProperties;
import io.omnireturns.command.policy.gift.GiftCardPolicy;
import io.omnireturns.command.policy.gift.GiftCardProperties;
import io.omnireturns.command.policy.eligibility.EligibilityPolicy;
import io.omnireturns.command.policy.eligibility.EligibilityRequest;
import io.omnireturns.command.policy.refund.QuotePricing;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.returns.application.ReturnEligibility;
import io.omnireturns.command.returns.quote.OrderLedgerReading.LedgerPosition;
import io.omnireturns.command.returns.quote.ReplacementPrices.Priced;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ReturnQuotes} on the order system, the eligibility policy, the order's ledger (read, never reserved) and the
 * refund calculator: each line as the request would be decided now, each option priced as if every unit arrives as
 * described, and with the tax service's figures where the decision would ask for them ({@link QuoteTax}): the amounts
 * the decision settles when the items arrive so. The quote is kept for {@code omnireturns.policy.quote-validity}.
 */
@Service
public class ReturnQuoteService implements ReturnQuotes {

    public static final String NOTHING_RETURNABLE = "NOTHING_RETURNABLE";
    public static final String QUOTE_NOT_FOUND = "QUOTE_NOT_FOUND";
    public static final String NO_CARD_TO_CHARGE = "NO_CARD_TO_CHARGE";
    public static final String GIFT_RETURN_NEEDS_STORE_CREDIT = GiftCardPolicy.GIFT_RETURN_NEEDS_STORE_CREDIT;

    private final OrderSystem orders;
    private final EligibilityPolicy eligibility;
    private final OrderLedgerReading ledgers;
    private final QuotePricing pricing;
    private final ReplacementPrices replacements;
    private final ReturnQuoteStore store;
    private final SettlementPolicyProperties settlement;
    private final GiftCardPolicy giftCards;
    private final QuoteTax taxes;
    private final Clock clock;

    ReturnQuoteService(OrderSystem orders, EligibilityPolicy eligibility, OrderLedgerReading ledgers,
                       RefundCalculator calculator, ReplacementPrices replacements, ReturnQuoteStore store,
                       SettlementPolicyProperties settlement, GiftCardProperties giftCards, QuoteTax taxes,
                       Clock clock) {
        this.orders = orders;
        this.eligibility = eligibility;
        this.ledgers = ledgers;
        this.pricing = new QuotePricing(calculator, settlement.terms());
        this.replacements = replacements;
        this.store = store;
        this.settlement = settlement;
        this.giftCards = giftCards.policy();
        this.taxes = taxes;
        this.clock = clock;
    }

    @Override
    public ReturnQuote quote(QuoteRequest request, AccessScope scope) {
        QuoteRequest scoped = withinScope(request, scope);
        requireWellFormed(scoped);
        OrderSnapshot order = orders.findOrder(scoped.orderId()).orElseThrow(() -> new DomainException(
                ErrorKind.RULE_VIOLATION, "ORDER_NOT_FOUND", "the order system knows no order " + scoped.orderId()));
        if (scope.customerId() != null && !scope.customerId().equals(order.customerId())) {
            throw new DomainException(ErrorKind.FORBIDDEN, "CUSTOMER_NOT_IN_SCOPE",
                    "you may only quote the orders of customer " + scope.customerId());
        }
        Instant now = clock.instant();
        LedgerPosition ledger = ledgers.of(order.orderId(), order.currency());
        List<QuotedLine> lines = decideLines(order, scoped, ledger, now);
        List<RefundableLine> returnable = returnableLines(scoped, lines);
        Priced replacementPrices = replacements.price(order, scoped.lines(), lines);
        String quoteId = store.nextQuoteId();
        QuoteTax.Figures tax = returnable.isEmpty() ? QuoteTax.Figures.none()
                : taxes.figures(quoteId, scoped, new RefundInput(order, RefundMethod.ORIGINAL_TENDER, returnable,
                ledger.prior()), exchangePriced(replacementPrices, scoped.isGiftReturn()));
        List<QuoteOption> options = options(order, returnable, ledger, replacementPrices, scoped.isGiftReturn(), tax);
        ReturnQuote quote = new ReturnQuote(quoteId, order.orderId(), order.customerId(),
                order.currency(), now, now.plus(settlement.quoteValidity()), lines, options);
        store.save(new StoredQuote(quote, scoped, replacementPrices.unitPrices(), settlement.exchangeBonusBps(),
                settlement.storeCreditBonusBps(), tax.refund(), tax.exchange()));
        return quote;
    }

    @Override
    public Optional<ReturnQuote> find(String quoteId) {
        return stored(quoteId).filter(quote -> quote.validAt(clock.instant())).map(StoredQuote::quote);
    }

    /** The quote, within the caller's scope (anything else is not found), valid or expired. */
    public Optional<StoredQuote> stored(String quoteId, AccessScope scope) {
        return stored(quoteId).filter(kept -> scope.permits(kept.storeId(), kept.quote().customerId()));
    }

    /** The quote under this id, valid or expired. */
    public Optional<StoredQuote> stored(String quoteId) {
        return quoteId == null || quoteId.isBlank() ? Optional.empty() : store.find(quoteId);
    }

    private List<QuotedLine> decideLines(OrderSnapshot order, QuoteRequest request, LedgerPosition ledger,
                                         Instant now) {
        List<LineDecision> byPolicy = eligibility.evaluate(
                new EligibilityRequest(order, request.channel(), request.storeId(), request.lines(), now));
        List<QuotedLine> lines = new ArrayList<>();
        for (LineDecision decision : byPolicy) {
            int purchased = order.line(decision.orderLineId()).map(OrderLine::quantity).orElse(0);
            int remaining = purchased - ledger.held(decision.orderLineId());
            if (decision.isAuthorized() && decision.authorizedQuantity() > remaining) {
                // other returns of the order hold these units already: the request would be refused the same way
                lines.add(new QuotedLine(decision.orderLineId(), decision.requestedQuantity(), 0,
                        List.of(ReturnEligibility.QUANTITY_EXCEEDS_REMAINING)));
            } else {
                lines.add(new QuotedLine(decision.orderLineId(), decision.requestedQuantity(),
                        decision.authorizedQuantity(), decision.isAuthorized() ? List.of() : decision.reasonCodes()));
            }
        }
        return lines;
    }

    /** The returnable units, graded as described (best grade): what the shopper gets if they arrive so. */
    private static List<RefundableLine> returnableLines(QuoteRequest request, List<QuotedLine> lines) {
        List<RefundableLine> returnable = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            QuotedLine line = lines.get(i);
            if (line.isReturnable()) {
                returnable.add(new RefundableLine(line.orderLineId(), line.returnableQuantity(), Grade.NEW,
                        request.lines().get(i).reason()));
            }
        }
        return returnable;
    }

    /** The replacements' prices when an exchange can be priced, else null. */
    private static java.util.Map<String, Money> exchangePriced(Priced replacementPrices, boolean giftReturn) {
        return giftReturn || replacementPrices.unavailableReason() != null ? null : replacementPrices.unitPrices();
    }

    private List<QuoteOption> options(OrderSnapshot order, List<RefundableLine> returnable, LedgerPosition ledger,
                                      Priced replacementPrices, boolean giftReturn, QuoteTax.Figures tax) {
        String currency = order.currency();
        if (returnable.isEmpty()) {
            return List.of(QuotePricing.unavailable(RefundMethod.ORIGINAL_TENDER, NOTHING_RETURNABLE, currency),
                    QuotePricing.unavailable(RefundMethod.STORE_CREDIT, NOTHING_RETURNABLE, currency),
                    QuotePricing.unavailable(RefundMethod.EXCHANGE, NOTHING_RETURNABLE, currency),
                    QuotePricing.unavailable(RefundMethod.GIFT_CARD, NOTHING_RETURNABLE, currency));
        }
        RefundInput proportional = new RefundInput(order, RefundMethod.ORIGINAL_TENDER, returnable, ledger.prior());
        RefundInput input = tax.input(proportional, RefundMethod.ORIGINAL_TENDER);
        QuoteOption exchange = replacementPrices.unavailableReason() != null
                ? QuotePricing.unavailable(RefundMethod.EXCHANGE, replacementPrices.unavailableReason(), currency)
                : exchange(proportional, returnable, replacementPrices, tax);
        if (exchange.charge().isPositive() && order.tenders().stream().noneMatch(tender -> tender.type() == TenderType.CARD)) {
            // a dearer replacement's difference is charged to the order's card: without one it cannot be taken
            exchange = QuotePricing.unavailable(RefundMethod.EXCHANGE, NO_CARD_TO_CHARGE, currency);
        }
        List<String> moneyTax = tax.reasons(RefundMethod.ORIGINAL_TENDER);
        QuoteOption giftCard = giftCards.offered(giftReturn) ? pricing.giftCard(input).withTaxReasons(moneyTax)
                : QuotePricing.unavailable(RefundMethod.GIFT_CARD, GiftCardPolicy.GIFT_CARD_NOT_OFFERED, currency);
        if (giftReturn) {
            // the recipient gets nothing back on the buyer's payment: store credit or a gift card only
            return List.of(
                    QuotePricing.unavailable(RefundMethod.ORIGINAL_TENDER, GIFT_RETURN_NEEDS_STORE_CREDIT, currency),
                    pricing.storeCredit(input).withTaxReasons(moneyTax),
                    QuotePricing.unavailable(RefundMethod.EXCHANGE, GIFT_RETURN_NEEDS_STORE_CREDIT, currency),
                    giftCard);
        }
        return List.of(pricing.originalTender(input).withTaxReasons(moneyTax),
                pricing.storeCredit(input).withTaxReasons(moneyTax), exchange, giftCard);
    }

    /** The exchange as the decision settles it: with the tax service's figures where it asks for them. */
    private QuoteOption exchange(RefundInput proportional, List<RefundableLine> returnable, Priced replacementPrices,
                                 QuoteTax.Figures tax) {
        RefundInput exchanged = tax.input(proportional, RefundMethod.EXCHANGE);
        Money cost = tax.exchangePriceDifference()
                ? taxes.replacementCost(exchanged, replacementPrices.unitPrices(), tax.exchange())
                : replacementPrices.cost(returnable, proportional.order().currency());
        return pricing.exchange(exchanged, cost).withTaxReasons(tax.reasons(RefundMethod.EXCHANGE));
    }

    private static void requireWellFormed(QuoteRequest request) {
        if (request.orderId().isBlank() || request.orderId().length() > 64) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "VALIDATION_FAILED", "orderId must be 1 to 64 characters");
        }
        if (request.lines().isEmpty()) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "RETURN_HAS_NO_LINES", "a quote needs at least one line");
        }
        if (request.lines().size() > 100) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "VALIDATION_FAILED", "a quote takes at most 100 lines");
        }
        for (RequestedLine line : request.lines()) {
            if (line == null || line.orderLineId() == null || line.reason() == null) {
                throw new DomainException(ErrorKind.INVALID_INPUT, "VALIDATION_FAILED",
                        "every line names its orderLineId and reason");
            }
            if (tooLong(line.orderLineId()) || tooLong(line.replacementSku())) {
                throw new DomainException(ErrorKind.INVALID_INPUT, "VALIDATION_FAILED",
                        "orderLineId and replacementSku are at most 64 characters");
            }
            if (line.quantity() <= 0) {
                throw new DomainException(ErrorKind.INVALID_INPUT, "INVALID_QUANTITY",
                        "line " + line.orderLineId() + " asks for " + line.quantity() + " items");
            }
        }
        if (tooLong(request.storeId())) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "VALIDATION_FAILED", "storeId is at most 64 characters");
        }
        if (request.channel() == SalesChannel.STORE && (request.storeId() == null || request.storeId().isBlank())) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "STORE_ID_REQUIRED",
                    "a store return names the store that takes it");
        }
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > 64;
    }

    /** A store associate quotes store returns at its own store(s) only. */
    private static QuoteRequest withinScope(QuoteRequest request, AccessScope scope) {
        if (scope.stores().isEmpty()) {
            return request;
        }
        if (request.channel() != SalesChannel.STORE) {
            throw new DomainException(ErrorKind.FORBIDDEN, "STORE_NOT_IN_SCOPE",
                    "a store associate quotes store returns only (channel STORE)");
        }
        String storeId = request.storeId();
        if (storeId == null && scope.stores().size() == 1) {
            storeId = scope.stores().iterator().next();
        }
        if (storeId == null || !scope.stores().contains(storeId)) {
            throw new DomainException(ErrorKind.FORBIDDEN, "STORE_NOT_IN_SCOPE",
                    "you may not quote returns of store " + storeId);
        }
        return new QuoteRequest(request.orderId(), request.channel(), storeId, request.lines(), request.giftReturn());
    }
}
