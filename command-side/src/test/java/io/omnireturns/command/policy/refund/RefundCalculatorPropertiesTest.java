package io.omnireturns.command.policy.refund;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderPromotion;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.PromotionKind;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.command.policy.refund.OrderLinePayments.LinePayment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over random orders (several lines, line discounts, order and bundle promotions, tax, shipping,
 * split tenders) and random sequences of returns against them. Amounts are EUR minor units.
 */
class RefundCalculatorPropertiesTest {

    private static final String EUR = "EUR";
    private static final List<ReturnReason> NO_FEE_REASONS = List.of(ReturnReason.DEFECTIVE,
            ReturnReason.WRONG_ITEM_SENT, ReturnReason.SIZE_OR_FIT, ReturnReason.ARRIVED_LATE, ReturnReason.OTHER);

    private final RefundCalculator calculator = new RefundCalculator(RefundRules.defaults());

    @Property(tries = 500)
    void parts_always_sum_to_the_whole(@ForAll("anyReturns") Scenario scenario, @ForAll RefundMethod method) {
        for (Refunded step : replay(scenario, method)) {
            RefundBreakdown refund = step.refund();
            assertThat(sum(refund.lines().stream().map(LineRefund::amount).toList()).plus(refund.shippingRefund()))
                    .isEqualTo(refund.total());
            assertThat(sum(refund.tenders().stream().map(TenderRefund::amount).toList())).isEqualTo(refund.total());
            for (LineRefund line : refund.lines()) {
                assertThat(line.merchandise().plus(line.tax()).minus(line.restockingFee()).minus(line.conditionDeduction()))
                        .isEqualTo(line.amount());
                assertThat(List.of(line.merchandise(), line.tax(), line.restockingFee(), line.conditionDeduction(), line.amount()))
                        .allSatisfy(part -> assertThat(part.isNegative()).isFalse());
            }
            assertThat(refund.tenders()).allSatisfy(tender -> assertThat(tender.amount().isPositive()).isTrue());
        }
    }

    @Property(tries = 500)
    void no_line_refund_exceeds_what_was_paid_for_it_net_of_prior_refunds(
            @ForAll("returnsAfterUnevenEarlierRefunds") Scenario scenario) {
        OrderLinePayments paid = OrderLinePayments.of(scenario.order());
        for (Refunded step : replay(scenario, RefundMethod.ORIGINAL_TENDER)) {
            Map<String, LineTotals> before = new HashMap<>(step.prior().byLine());
            for (LineRefund line : step.refund().lines()) {
                LinePayment payment = paid.line(line.orderLineId()).orElseThrow();
                LineTotals earlier = before.getOrDefault(line.orderLineId(), LineTotals.none(EUR));
                assertThat(line.merchandise()).isLessThanOrEqualTo(payment.netMerchandise().minus(earlier.merchandise()));
                assertThat(line.tax()).isLessThanOrEqualTo(payment.tax().minus(earlier.tax()));
                assertThat(line.amount()).isLessThanOrEqualTo(line.merchandise().plus(line.tax()));
                before.put(line.orderLineId(), earlier.plus(line));
            }
        }
    }

    @Property(tries = 500)
    void no_sequence_of_returns_gives_back_more_than_was_paid(@ForAll("anyReturns") Scenario scenario) {
        OrderLinePayments paid = OrderLinePayments.of(scenario.order());
        List<Refunded> steps = replay(scenario, RefundMethod.ORIGINAL_TENDER);
        Map<String, Money> refundedByLine = new HashMap<>();
        Money refundedInTotal = Money.zero(EUR);
        for (Refunded step : steps) {
            for (LineRefund line : step.refund().lines()) {
                refundedByLine.merge(line.orderLineId(), line.amount(), Money::plus);
            }
            refundedInTotal = refundedInTotal.plus(step.refund().total());
        }
        refundedByLine.forEach((lineId, refunded) -> {
            LinePayment payment = paid.line(lineId).orElseThrow();
            assertThat(refunded).isLessThanOrEqualTo(payment.netMerchandise().plus(payment.tax()));
        });
        assertThat(refundedInTotal).isLessThanOrEqualTo(scenario.totalPaid());
    }

    @Property(tries = 500)
    void returning_every_unit_undamaged_and_without_fees_gives_back_exactly_what_was_paid(
            @ForAll("undamagedNoFeeReturns") Scenario scenario) {
        Scenario everyUnitBack = scenario.thenReturningWhatIsLeft(Grade.NEW, ReturnReason.SIZE_OR_FIT);
        OrderLinePayments paid = OrderLinePayments.of(scenario.order());
        Map<String, Money> merchandiseByLine = new HashMap<>();
        Map<String, Money> taxByLine = new HashMap<>();
        for (Refunded step : replay(everyUnitBack, RefundMethod.ORIGINAL_TENDER)) {
            for (LineRefund line : step.refund().lines()) {
                merchandiseByLine.merge(line.orderLineId(), line.merchandise(), Money::plus);
                taxByLine.merge(line.orderLineId(), line.tax(), Money::plus);
                assertThat(line.amount()).isEqualTo(line.merchandise().plus(line.tax()));
            }
        }
        for (OrderLine line : scenario.order().lines()) {
            LinePayment payment = paid.line(line.lineId()).orElseThrow();
            assertThat(merchandiseByLine.get(line.lineId())).isEqualTo(payment.netMerchandise());
            assertThat(taxByLine.get(line.lineId())).isEqualTo(line.tax());
        }
        // independent of the proration: the lines together give back the order's merchandise less every promotion
        assertThat(sum(List.copyOf(merchandiseByLine.values()))).isEqualTo(scenario.merchandiseAfterAllPromotions());
    }

    @Property(tries = 500)
    void tender_parts_never_exceed_what_is_left_on_each_tender(@ForAll("anyReturns") Scenario scenario) {
        Map<String, Tender> tenders = new HashMap<>();
        scenario.order().tenders().forEach(tender -> tenders.put(tender.tenderId(), tender));
        for (Refunded step : replay(scenario, RefundMethod.ORIGINAL_TENDER)) {
            for (TenderRefund part : step.refund().tenders()) {
                // the tenders cover everything charged, so nothing ever spills over to store credit
                assertThat(tenders).containsKey(part.tenderId());
                Money left = tenders.get(part.tenderId()).amount().minus(step.prior().tender(part.tenderId()));
                assertThat(part.amount()).isLessThanOrEqualTo(left);
            }
        }
    }

    // --- replaying returns -------------------------------------------------------------------------------

    record Refunded(PriorRefunds prior, RefundBreakdown refund) {
    }

    private List<Refunded> replay(Scenario scenario, RefundMethod method) {
        List<Refunded> steps = new ArrayList<>();
        PriorRefunds prior = scenario.earlierRefunds();
        Map<String, Integer> unitsLeft = new HashMap<>();
        for (OrderLine line : scenario.order().lines()) {
            unitsLeft.put(line.lineId(), line.quantity() - prior.line(line.lineId()).units());
        }
        for (List<ReturnedUnits> returned : scenario.returns()) {
            List<RefundableLine> lines = new ArrayList<>();
            for (ReturnedUnits units : returned) {
                String lineId = scenario.order().lines().get(units.lineIndex()).lineId();
                // the order ledger never lets more units come back than were bought
                int accepted = Math.min(units.units(), unitsLeft.get(lineId));
                unitsLeft.merge(lineId, -accepted, Integer::sum);
                lines.add(new RefundableLine(lineId, accepted, units.grade(), units.reason()));
            }
            RefundBreakdown refund = calculator.calculate(new RefundInput(scenario.order(), method, lines, prior));
            steps.add(new Refunded(prior, refund));
            prior = prior.plus(refund);
        }
        return steps;
    }

    private static Money sum(List<Money> amounts) {
        return Money.sum(amounts, EUR);
    }

    // --- generating orders and returns ------------------------------------------------------------------

    record ReturnedUnits(int lineIndex, int units, Grade grade, ReturnReason reason) {
    }

    /** An order, refunds made on it before (none, or uneven ones as an older policy might have made) and returns to come. */
    record Scenario(OrderSnapshot order, PriorRefunds earlierRefunds, List<List<ReturnedUnits>> returns) {

        Scenario thenReturningWhatIsLeft(Grade grade, ReturnReason reason) {
            List<ReturnedUnits> everything = IntStream.range(0, order.lines().size())
                    .mapToObj(i -> new ReturnedUnits(i, order.lines().get(i).quantity(), grade, reason))
                    .toList();
            List<List<ReturnedUnits>> all = new ArrayList<>(returns);
            all.add(everything);
            return new Scenario(order, earlierRefunds, all);
        }

        /** Earlier refunds of some units at any amount up to what the line cost, not necessarily the units' share. */
        Scenario afterEarlierRefunds(List<Integer> percents) {
            Map<String, LineTotals> byLine = new HashMap<>();
            OrderLinePayments paid = OrderLinePayments.of(order);
            for (int i = 0; i < order.lines().size(); i++) {
                OrderLine line = order.lines().get(i);
                LinePayment payment = paid.line(line.lineId()).orElseThrow();
                int units = line.quantity() * percents.get(3 * i) / 100;
                byLine.put(line.lineId(), new LineTotals(units, payment.netMerchandise().fraction(percents.get(3 * i + 1), 100),
                        payment.tax().fraction(percents.get(3 * i + 2), 100)));
            }
            return new Scenario(order, new PriorRefunds(byLine, Map.of(), Money.zero(EUR)), returns);
        }

        Money merchandiseAfterAllPromotions() {
            Money total = Money.zero(EUR);
            for (OrderLine line : order.lines()) {
                total = total.plus(line.grossAmount()).minus(line.lineDiscount());
            }
            for (OrderPromotion promotion : order.promotions()) {
                total = total.minus(promotion.amount());
            }
            return total;
        }

        Money totalPaid() {
            return sum(order.tenders().stream().map(Tender::amount).toList());
        }
    }

    @Provide
    Arbitrary<Scenario> anyReturns() {
        return scenarios(Arbitraries.of(Grade.class), Arbitraries.of(ReturnReason.class));
    }

    @Provide
    Arbitrary<Scenario> returnsAfterUnevenEarlierRefunds() {
        return anyReturns().flatMap(scenario -> Arbitraries.integers().between(0, 100)
                .list().ofSize(3 * scenario.order().lines().size())
                .map(scenario::afterEarlierRefunds));
    }

    @Provide
    Arbitrary<Scenario> undamagedNoFeeReturns() {
        return scenarios(Arbitraries.of(Grade.NEW, Grade.LIKE_NEW), Arbitraries.of(NO_FEE_REASONS));
    }

    private Arbitrary<Scenario> scenarios(Arbitrary<Grade> grades, Arbitrary<ReturnReason> reasons) {
        return orderLines().flatMap(lines -> promotionsOver(lines).flatMap(promotions -> {
            Arbitrary<long[]> shipping = Combinators.combine(
                    Arbitraries.longs().between(0, 1_500), Arbitraries.longs().between(0, 300))
                    .as((charged, tax) -> new long[]{charged, tax});
            Arbitrary<List<TenderShare>> tenderShares = Combinators.combine(
                    Arbitraries.of(TenderType.class), Arbitraries.longs().between(1, 100))
                    .as(TenderShare::new).list().ofMinSize(1).ofMaxSize(3);
            Arbitrary<List<List<ReturnedUnits>>> returns = returnedUnits(lines.size(), grades, reasons)
                    .list().ofMinSize(1).ofMaxSize(3)
                    .list().ofMinSize(1).ofMaxSize(6);
            return Combinators.combine(shipping, tenderShares, returns)
                    .as((ship, shares, returned) -> new Scenario(order(lines, promotions, ship, shares), PriorRefunds.none(EUR), returned));
        }));
    }

    record TenderShare(TenderType type, long weight) {
    }

    private static Arbitrary<List<OrderLine>> orderLines() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.longs().between(100, 50_000),
                        Arbitraries.integers().between(0, 50),
                        Arbitraries.longs().between(0, 20_000))
                .as((quantity, unitPrice, discountPercent, tax) -> new long[]{quantity, unitPrice, discountPercent, tax})
                .list().ofMinSize(1).ofMaxSize(5)
                .map(specs -> {
                    List<OrderLine> lines = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        long[] spec = specs.get(i);
                        int quantity = (int) spec[0];
                        long gross = spec[1] * quantity;
                        lines.add(new OrderLine("L" + i, "SKU-" + i, "item " + i, "general", quantity,
                                Money.of(spec[1], EUR), Money.of(gross * spec[2] / 100, EUR), Money.of(spec[3], EUR), false));
                    }
                    return lines;
                });
    }

    /** Up to two promotions, each at most a third of what its lines cost, so no line's net price goes below zero. */
    private static Arbitrary<List<OrderPromotion>> promotionsOver(List<OrderLine> lines) {
        int allLines = (1 << lines.size()) - 1;
        return Combinators.combine(
                        Arbitraries.of(PromotionKind.class),
                        Arbitraries.integers().between(1, allLines),
                        Arbitraries.integers().between(0, 33))
                .as((kind, lineMask, percent) -> {
                    List<String> named = kind == PromotionKind.ORDER_DISCOUNT ? List.of()
                            : IntStream.range(0, lines.size()).filter(i -> (lineMask & (1 << i)) != 0)
                            .mapToObj(i -> lines.get(i).lineId()).toList();
                    long covered = lines.stream().filter(l -> named.isEmpty() || named.contains(l.lineId()))
                            .mapToLong(l -> l.grossAmount().minus(l.lineDiscount()).minor()).sum();
                    return new OrderPromotion(kind + "-" + lineMask, kind, Money.of(covered * percent / 100, EUR), named);
                })
                .list().ofMaxSize(2);
    }

    private static Arbitrary<ReturnedUnits> returnedUnits(int lineCount, Arbitrary<Grade> grades, Arbitrary<ReturnReason> reasons) {
        return Combinators.combine(Arbitraries.integers().between(0, lineCount - 1), Arbitraries.integers().between(0, 5),
                grades, reasons).as(ReturnedUnits::new);
    }

    /** Charges the order exactly what it costs and splits that over the tenders. */
    private static OrderSnapshot order(List<OrderLine> lines, List<OrderPromotion> promotions, long[] shipping,
                                       List<TenderShare> shares) {
        Money charged = Money.of(shipping[0] + shipping[1], EUR);
        for (OrderLine line : lines) {
            charged = charged.plus(line.grossAmount()).minus(line.lineDiscount()).plus(line.tax());
        }
        for (OrderPromotion promotion : promotions) {
            charged = charged.minus(promotion.amount());
        }
        List<Money> parts = charged.allocate(shares.stream().map(TenderShare::weight).toList());
        List<Tender> tenders = IntStream.range(0, shares.size())
                .mapToObj(i -> new Tender("T" + i, shares.get(i).type(), parts.get(i), "ref-" + i))
                .toList();
        Instant placedAt = Instant.parse("2025-05-01T09:00:00Z");
        return new OrderSnapshot("ORD-P", "CUST-P", SalesChannel.WEB, null, placedAt, placedAt.plusSeconds(86_400),
                "DC-1", EUR, lines, promotions, Money.of(shipping[0], EUR), Money.of(shipping[1], EUR), tenders);
    }
}
