package io.omnireturns.command.policy.refund;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.TenderRefund;

import java.util.List;
import java.util.Objects;

import static io.omnireturns.command.policy.refund.RefundCalculator.STORE_CREDIT_TENDER_ID;

/**
 * The options of a quote, priced by the refund calculator as if every unit arrives as described (the caller passes
 * the lines graded so): the original payment as the calculator splits it, store credit with its bonus, and an
 * exchange whose replacements may cost more or less than what comes back ({@link ExchangeSettlement}). An input
 * with the tax service's figures ({@link RefundInput#tax()}) is priced with them, as the refund decision prices it.
 */
public final class QuotePricing {

    private final RefundCalculator calculator;
    private final SettlementTerms terms;

    public QuotePricing(RefundCalculator calculator, SettlementTerms terms) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.terms = Objects.requireNonNull(terms, "terms");
    }

    /** Back to the tenders the order was paid with, split as usual; no bonus. */
    public QuoteOption originalTender(RefundInput input) {
        RefundBreakdown refund = calculator.calculate(withMethod(input, RefundMethod.ORIGINAL_TENDER));
        Money zero = Money.zero(refund.currency());
        return new QuoteOption(RefundMethod.ORIGINAL_TENDER, true, null, refund.total(), zero, zero, refund.tenders());
    }

    /** The whole value as new store credit, plus the store-credit bonus on it. */
    public QuoteOption storeCredit(RefundInput input) {
        Money value = calculator.calculate(withMethod(input, RefundMethod.STORE_CREDIT)).total();
        Money bonus = terms.storeCreditBonus(value);
        Money credit = value.plus(bonus);
        List<TenderRefund> tenders = credit.isZero() ? List.of()
                : List.of(new TenderRefund(STORE_CREDIT_TENDER_ID, TenderType.STORE_CREDIT, credit));
        return new QuoteOption(RefundMethod.STORE_CREDIT, true, null, credit, bonus, Money.zero(value.currency()),
                tenders);
    }

    /** The whole value as a new gift card; no bonus. */
    public QuoteOption giftCard(RefundInput input) {
        RefundBreakdown refund = calculator.calculate(withMethod(input, RefundMethod.GIFT_CARD));
        Money zero = Money.zero(refund.currency());
        return new QuoteOption(RefundMethod.GIFT_CARD, true, null, refund.total(), zero, zero, refund.tenders());
    }

    /**
     * An exchange for replacements costing {@code replacementCost} in all (tax included): the returned value plus the
     * exchange bonus pays for them; what is left is refunded over the tenders, what is missing is charged.
     */
    public QuoteOption exchange(RefundInput input, Money replacementCost) {
        ExchangeSettlement settlement = exchangeSettlement(input, replacementCost);
        List<TenderRefund> tenders = settlement.refund().isZero() ? List.of()
                : calculator.splitOverTenders(withMethod(input, RefundMethod.EXCHANGE), settlement.refund());
        return new QuoteOption(RefundMethod.EXCHANGE, true, null, settlement.refund(), settlement.bonus(),
                settlement.charge(), tenders);
    }

    /** How an exchange of these lines for replacements costing {@code replacementCost} settles. */
    public ExchangeSettlement exchangeSettlement(RefundInput input, Money replacementCost) {
        Money value = calculator.calculate(withMethod(input, RefundMethod.EXCHANGE)).total();
        return ExchangeSettlement.of(value, terms.exchangeBonus(value), replacementCost);
    }

    /** An option this return cannot have, with the reason code and no amounts. */
    public static QuoteOption unavailable(RefundMethod method, String reason, String currency) {
        Money zero = Money.zero(currency);
        return new QuoteOption(method, false, reason, zero, zero, zero, List.of());
    }

    private static RefundInput withMethod(RefundInput input, RefundMethod method) {
        return new RefundInput(input.order(), method, input.lines(), input.prior(), input.deductionsWaived(),
                input.tax());
    }
}
