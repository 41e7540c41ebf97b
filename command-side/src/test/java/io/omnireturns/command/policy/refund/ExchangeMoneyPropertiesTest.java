package io.omnireturns.command.policy.refund;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.quote.QuoteOption;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TenderRefund;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.omnireturns.command.policy.refund.RefundCalculator.STORE_CREDIT_TENDER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money of quotes and exchanges balances in every case: for any order (lines, tax, shipping, split tenders),
 * any returned units, any replacement price and any bonus, refund - charge = returned value + bonus - replacement
 * cost to the minor unit, every tender split sums to its refund, and no order tender gets back more than was paid
 * with it (what a bonus adds beyond that is new store credit). EUR minor units throughout.
 */
class ExchangeMoneyPropertiesTest {

    private static final String EUR = "EUR";

    private final RefundCalculator calculator = new RefundCalculator(RefundRules.defaults());

    @Property(tries = 1000)
    void an_exchange_refunds_or_charges_exactly_the_balance_and_never_both(
            @ForAll @LongRange(max = 10_000_000) long value, @ForAll @IntRange(max = 10_000) int bonusBps,
            @ForAll @LongRange(max = 10_000_000) long cost) {
        Money bonus = new SettlementTerms(0, bonusBps).exchangeBonus(eur(value));

        ExchangeSettlement settlement = ExchangeSettlement.of(eur(value), bonus, eur(cost));

        assertThat(settlement.refund().minus(settlement.charge())).isEqualTo(eur(value).plus(bonus).minus(eur(cost)));
        assertThat(settlement.refund().isPositive() && settlement.charge().isPositive()).isFalse();
        assertThat(settlement.refund().isNegative() || settlement.charge().isNegative()).isFalse();
        // rounded down, never more than the rate gives
        assertThat(bonus.minor() * 10_000).isLessThanOrEqualTo(value * bonusBps);
        assertThat((bonus.minor() + 1) * 10_000).isGreaterThan(value * bonusBps);
    }

    @Property(tries = 500)
    void every_option_of_a_quote_balances_and_gives_no_tender_more_than_was_paid_with_it(
            @ForAll("returns") Returned returned, @ForAll @IntRange(max = 10_000) int storeCreditBps,
            @ForAll @IntRange(max = 10_000) int exchangeBps, @ForAll @LongRange(max = 200_000) long replacementPrice) {
        QuotePricing pricing = new QuotePricing(calculator, new SettlementTerms(storeCreditBps, exchangeBps));
        RefundInput input = new RefundInput(returned.order(), RefundMethod.ORIGINAL_TENDER, returned.lines(),
                PriorRefunds.none(EUR));
        Money value = calculator.calculate(input).total();
        Money cost = eur(replacementPrice * returned.lines().stream().mapToInt(RefundableLine::acceptedQuantity).sum());

        QuoteOption original = pricing.originalTender(input);
        QuoteOption credit = pricing.storeCredit(input);
        QuoteOption exchange = pricing.exchange(input, cost);

        assertThat(original.refund()).isEqualTo(value);
        assertThat(sum(original.tenders())).isEqualTo(original.refund());
        assertThat(credit.refund()).isEqualTo(value.plus(credit.bonus()));
        assertThat(credit.bonus()).isEqualTo(value.fraction(storeCreditBps, 10_000));
        assertThat(sum(credit.tenders())).isEqualTo(credit.refund());
        assertThat(exchange.refund().minus(exchange.charge())).isEqualTo(value.plus(exchange.bonus()).minus(cost));
        assertThat(sum(exchange.tenders())).isEqualTo(exchange.refund());
        for (QuoteOption option : List.of(original, exchange)) {
            assertWithinTenders(returned.order(), option.tenders(), option.bonus());
        }
        assertThat(value).isLessThanOrEqualTo(paidFor(returned.order()));
    }

    @Property(tries = 500)
    void the_decided_difference_is_split_over_the_tenders_the_returned_value_was_split_over(
            @ForAll("returns") Returned returned, @ForAll @IntRange(max = 10_000) int exchangeBps,
            @ForAll @LongRange(max = 200_000) long replacementPrice) {
        RefundBreakdown valueSplit = calculator.calculate(new RefundInput(returned.order(), RefundMethod.EXCHANGE,
                returned.lines(), PriorRefunds.none(EUR)));
        Money bonus = new SettlementTerms(0, exchangeBps).exchangeBonus(valueSplit.total());
        Money cost = eur(replacementPrice * returned.lines().stream().mapToInt(RefundableLine::acceptedQuantity).sum());

        ExchangeSettlement settlement = ExchangeSettlement.of(valueSplit.total(), bonus, cost);
        List<TenderRefund> tenders = settlement.refundTenders(valueSplit.tenders());

        assertThat(sum(tenders)).isEqualTo(settlement.refund());
        for (TenderRefund part : tenders) {
            if (part.tenderId().equals(STORE_CREDIT_TENDER_ID)) {
                assertThat(part.amount()).isLessThanOrEqualTo(bonus);
            } else {
                Money ofValue = valueSplit.tenders().stream().filter(t -> t.tenderId().equals(part.tenderId()))
                        .map(TenderRefund::amount).findFirst().orElseThrow();
                assertThat(part.amount()).isLessThanOrEqualTo(ofValue);
            }
        }
    }

    /** Order tenders get at most what was paid with them; beyond that only store credit, never more than the bonus. */
    private static void assertWithinTenders(OrderSnapshot order, List<TenderRefund> parts, Money bonus) {
        for (TenderRefund part : parts) {
            if (part.tenderId().equals(STORE_CREDIT_TENDER_ID)) {
                continue;
            }
            Money paid = order.tenders().stream().filter(tender -> tender.tenderId().equals(part.tenderId()))
                    .map(Tender::amount).findFirst().orElseThrow();
            assertThat(part.amount()).isLessThanOrEqualTo(paid);
        }
        Money toOrderTenders = sum(parts.stream().filter(part -> !part.tenderId().equals(STORE_CREDIT_TENDER_ID)).toList());
        assertThat(toOrderTenders).isLessThanOrEqualTo(paidFor(order));
    }

    record Returned(OrderSnapshot order, List<RefundableLine> lines) {
    }

    @Provide
    Arbitrary<Returned> returns() {
        Arbitrary<long[]> lineSpec = Combinators.combine(Arbitraries.integers().between(1, 5),
                        Arbitraries.longs().between(0, 50_000), Arbitraries.longs().between(0, 20_000))
                .as((quantity, unitPrice, tax) -> new long[]{quantity, unitPrice, tax});
        Arbitrary<List<Long>> tenderWeights = Arbitraries.longs().between(1, 100).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(lineSpec.list().ofMinSize(1).ofMaxSize(4), tenderWeights,
                        Arbitraries.longs().between(0, 1_500), Arbitraries.of(TenderType.CARD, TenderType.PAYPAL,
                                TenderType.GIFT_CARD, TenderType.CASH).list().ofSize(3))
                .flatAs((specs, weights, shipping, types) -> {
                    OrderSnapshot order = order(specs, weights, shipping, types);
                    return Combinators.combine(Arbitraries.integers().between(0, 5).list().ofSize(specs.size()),
                                    Arbitraries.of(ReturnReason.class))
                            .as((units, reason) -> {
                                List<RefundableLine> lines = new ArrayList<>();
                                for (int i = 0; i < specs.size(); i++) {
                                    int accepted = Math.min(units.get(i), (int) specs.get(i)[0]);
                                    if (accepted > 0) {
                                        lines.add(new RefundableLine("L" + i, accepted, Grade.NEW, reason));
                                    }
                                }
                                return new Returned(order, lines);
                            });
                });
    }

    /** Charges exactly what the order costs and splits that over the tenders by weight. */
    private static OrderSnapshot order(List<long[]> specs, List<Long> weights, long shipping, List<TenderType> types) {
        List<OrderLine> lines = new ArrayList<>();
        Money charged = eur(shipping);
        for (int i = 0; i < specs.size(); i++) {
            long[] spec = specs.get(i);
            OrderLine line = new OrderLine("L" + i, "SKU-" + i, "item " + i, "general", (int) spec[0],
                    eur(spec[1]), eur(0), eur(spec[2]), false);
            lines.add(line);
            charged = charged.plus(line.grossAmount()).plus(line.tax());
        }
        List<Money> parts = charged.allocate(weights);
        List<Tender> tenders = IntStream.range(0, weights.size())
                .mapToObj(i -> new Tender("T" + i, types.get(i), parts.get(i), "ref-" + i)).toList();
        Instant placedAt = Instant.parse("2025-05-01T09:00:00Z");
        return new OrderSnapshot("ORD-X", "CUST-X", SalesChannel.WEB, null, placedAt, placedAt, "DC-1", EUR, lines,
                List.of(), eur(shipping), eur(0), tenders);
    }

    private static Money paidFor(OrderSnapshot order) {
        return sum(order.tenders().stream().map(tender -> new TenderRefund(tender.tenderId(), tender.type(),
                tender.amount())).toList());
    }

    private static Money sum(List<TenderRefund> parts) {
        return Money.sum(parts.stream().map(TenderRefund::amount).toList(), EUR);
    }

    private static Money eur(long minor) {
        return Money.of(minor, EUR);
    }
}
