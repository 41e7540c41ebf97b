package io.omnireturns.command.policy.tax;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;
import io.omnireturns.command.policy.refund.ExchangeSettlement;
import io.omnireturns.command.policy.refund.PriorRefunds;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.refund.RefundInput;
import io.omnireturns.command.policy.refund.RefundRules;
import net.jqwik.api.Assume;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money of an exchange whose price differences the tax service taxed balances in every case: for any returned
 * lines (merchandise, tax, deductions), any replacement prices, any rate where the exchange is made and any bonus,
 * refund - charge = returned value + bonus - cost, and the cost is the returned tax plus the replacements' net price
 * plus the service's tax on the differences, to the minor unit. The tax given back per jurisdiction (the refund's in
 * the sale's jurisdiction, the differences' where the exchange is made) sums to the lines' tax plus the differences'
 * tax given back, as the return and the ERP require of the credit memo, and the difference's part is exactly minus
 * the service's tax on it. EUR minor units throughout.
 * <p>
 * The second property runs the refund decision's own arithmetic on random orders: the refund priced with the order's
 * proportional share, the question built on it, a service whose figures for the refund's own lines differ from that
 * share (its own rate at the sale, a restocking fee taxed at another), the refund priced with them, then the
 * replacements' cost and the tax per jurisdiction. Nothing throws, and the customer pays exactly the differences
 * with their tax plus what the refund keeps back (fees with their tax, deductions), less the bonus and the shipping
 * refunded.
 */
class PriceDifferenceTaxPropertiesTest {

    private static final String EUR = "EUR";
    private static final RefundCalculator CALCULATOR = new RefundCalculator(RefundRules.defaults());

    @Property(tries = 1000)
    void an_exchange_taxed_by_the_service_balances_to_the_minor_unit(
            @ForAll @LongRange(min = 1, max = 1_000_000) long merchandiseA, @ForAll @IntRange(max = 3000) int saleRate,
            @ForAll @LongRange(max = 3_000_000) long replacementA, @ForAll @IntRange(min = 1, max = 5) int quantityA,
            @ForAll @LongRange(min = 1, max = 1_000_000) long merchandiseB, @ForAll @LongRange(max = 3_000_000) long replacementB,
            @ForAll @IntRange(max = 3000) int exchangeRate, @ForAll @IntRange(max = 5000) int deductionBps,
            @ForAll boolean secondLinePriced, @ForAll @LongRange(max = 100_000) long bonusMinor) {
        LineRefund a = line("L1", quantityA, merchandiseA, saleRate, deductionBps);
        LineRefund b = line("L2", 1, merchandiseB, saleRate, 0);
        Money value = a.amount().plus(b.amount());
        RefundBreakdown refund = new RefundBreakdown(EUR, List.of(a, b), eur(0), value,
                value.isZero() ? List.of() : List.of(new TenderRefund("T1", TenderType.CARD, value)));
        Map<String, Money> prices = new LinkedHashMap<>();
        prices.put("L1", eur(replacementA));
        if (secondLinePriced) {
            prices.put("L2", eur(replacementB));
        }
        List<PriceDifferenceTax.Line> differences = PriceDifferenceTax.lines(refund, prices);
        List<TaxableLine> asked = PriceDifferenceTax.taxable(differences, order(), "FR", "DE");
        TaxRequest request = new TaxRequest("R-1:CALCULATE_TAX:1", "R-1", EUR, asked);
        TaxCalculation answer = service(request, exchangeRate);

        Money cost = PriceDifferenceTax.replacementCost(refund, refund, prices, request, answer);
        ExchangeSettlement settlement = ExchangeSettlement.of(value, eur(bonusMinor), cost);

        assertThat(settlement.refund().minus(settlement.charge())).isEqualTo(value.plus(eur(bonusMinor)).minus(cost));
        Money expectedCost = eur(0);
        Money differenceTax = eur(0);
        for (LineRefund line : refund.lines()) {
            Money price = prices.get(line.orderLineId());
            if (price == null) {
                expectedCost = expectedCost.plus(line.amount());
                continue;
            }
            Money net = PriceDifferenceTax.netPrice(price.times(line.quantity()), line);
            Money tax = answer.line(line.orderLineId() + PriceDifferenceTax.SUFFIX).map(LineTax::amountTax).orElse(eur(0));
            expectedCost = expectedCost.plus(line.tax()).plus(net).plus(tax);
            differenceTax = differenceTax.plus(tax);
            assertThat(net.minor()).isBetween(0L, price.times(line.quantity()).minor());
        }
        assertThat(cost).isEqualTo(expectedCost);

        List<JurisdictionTax> givenBack = PriceDifferenceTax.givenBack(refund, prices, request, answer);
        assertThat(PriceDifferenceTax.taxGivenBack(givenBack, EUR)).isEqualTo(differenceTax.negate());
        Money taxable = givenBack.stream().map(JurisdictionTax::taxable).reduce(eur(0), Money::plus);
        Money differencesNet = differences.stream().map(PriceDifferenceTax.Line::difference).reduce(eur(0), Money::plus);
        assertThat(taxable).isEqualTo(differencesNet.negate());
        List<JurisdictionTax> all = new ArrayList<>(PriceDifferenceTax.proportionalGivenBack(refund, order(), "FR"));
        all.addAll(givenBack);
        Money allTax = all.stream().map(JurisdictionTax::tax).reduce(eur(0), Money::plus);
        assertThat(allTax.minus(PriceDifferenceTax.taxGivenBack(givenBack, EUR))).isEqualTo(a.tax().plus(b.tax()));
    }

    @Property(tries = 1000)
    void an_exchange_whose_refund_tax_the_service_figures_otherwise_than_the_order_still_balances_to_the_minor_unit(
            @ForAll @LongRange(min = 1, max = 500_000) long unitA, @ForAll @IntRange(min = 1, max = 5) int quantityA,
            @ForAll @IntRange(min = 1, max = 5) int returnedA, @ForAll @LongRange(min = 1, max = 500_000) long unitB,
            @ForAll @IntRange(max = 3000) int saleRate, @ForAll @IntRange(max = 3000) int serviceSaleRate,
            @ForAll @IntRange(max = 3000) int exchangeRate, @ForAll @LongRange(max = 1_500_000) long replacementA,
            @ForAll @LongRange(max = 1_500_000) long replacementB, @ForAll boolean secondLinePriced,
            @ForAll Grade gradeA, @ForAll boolean changedMind, @ForAll ReturnReason reasonB,
            @ForAll boolean crossBorder, @ForAll boolean restockingFeeAsked, @ForAll boolean goodwill,
            @ForAll @LongRange(max = 2_000) long shipping, @ForAll @LongRange(max = 100_000) long bonusMinor) {
        OrderSnapshot order = pricedOrder(unitA, quantityA, unitB, saleRate, shipping);
        List<RefundableLine> returned = List.of(new RefundableLine("L1", Math.min(returnedA, quantityA), gradeA,
                        changedMind ? ReturnReason.CHANGED_MIND : reasonB),
                new RefundableLine("L2", 1, Grade.NEW, reasonB));
        Map<String, Money> prices = new LinkedHashMap<>();
        prices.put("L1", eur(replacementA));
        if (secondLinePriced) {
            prices.put("L2", eur(replacementB));
        }
        Set<TaxTrigger> triggers = EnumSet.of(TaxTrigger.PRICE_DIFFERENCE);
        if (restockingFeeAsked) {
            triggers.add(TaxTrigger.RESTOCKING_FEE);
        }
        String where = crossBorder ? "DE" : "FR";
        triggers.add(TaxTrigger.CROSS_JURISDICTION);

        // as the decision: the question on the proportional share, the answer, the refund priced with it
        RefundBreakdown asked = CALCULATOR.calculate(new RefundInput(order, RefundMethod.EXCHANGE, returned,
                PriorRefunds.none(EUR), goodwill));
        Optional<RefundTaxQuestion> question = RefundTaxQuestion.of(new TaxConsultation(triggers), order,
                RefundMethod.EXCHANGE, asked, prices, "FR", where);
        Assume.that(question.isPresent() && question.get().priceDifference());
        TaxRequest request = question.get().request("R-1:CALCULATE_TAX:1", "R-1", EUR);
        TaxCalculation answer = serviceFiguringOtherwise(request, serviceSaleRate, exchangeRate);
        RefundTaxFigures figures = new RefundTaxFigures(request, answer);
        RefundBreakdown settled = CALCULATOR.calculate(new RefundInput(order, RefundMethod.EXCHANGE, returned,
                PriorRefunds.none(EUR), goodwill, question.get().refundTax() ? figures : null));

        boolean otherwise = false;
        boolean feeTaxed = false;
        for (int i = 0; i < settled.lines().size(); i++) {
            otherwise |= !settled.lines().get(i).tax().equals(asked.lines().get(i).tax());
            feeTaxed |= settled.lines().get(i).ruleCodes().contains(AppliedRefundTax.RESTOCKING_FEE_TAXED);
        }
        Statistics.label("refund tax otherwise than the order's share").collect(otherwise);
        Statistics.label("restocking fee taxed").collect(feeTaxed);
        Statistics.label("refund tax otherwise than the order's share")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 20));
        Statistics.label("restocking fee taxed")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 5));

        Money cost = PriceDifferenceTax.replacementCost(asked, settled, prices, request, answer);
        Money value = settled.total();
        ExchangeSettlement settlement = ExchangeSettlement.of(value, eur(bonusMinor), cost);

        assertThat(settlement.refund().minus(settlement.charge())).isEqualTo(value.plus(eur(bonusMinor)).minus(cost));
        Money keptBack = eur(0);
        Money differencesWithTax = eur(0);
        Money differencesTax = eur(0);
        List<String> ids = RefundTaxRequests.lineIds(settled.lines());
        for (int i = 0; i < settled.lines().size(); i++) {
            LineRefund line = settled.lines().get(i);
            if (!prices.containsKey(line.orderLineId())) {
                continue; // swapped like for like: costs what it gives back
            }
            Money feeTax = line.ruleCodes().contains(AppliedRefundTax.RESTOCKING_FEE_TAXED)
                    ? answer.line(ids.get(i)).orElseThrow().restockingFeeTax() : eur(0);
            keptBack = keptBack.plus(line.restockingFee()).plus(feeTax).plus(line.conditionDeduction());
            Money net = PriceDifferenceTax.netPrice(prices.get(line.orderLineId()).times(line.quantity()),
                    asked.lines().get(i));
            Money tax = answer.line(ids.get(i) + PriceDifferenceTax.SUFFIX).map(LineTax::amountTax).orElse(eur(0));
            differencesWithTax = differencesWithTax.plus(net.minus(line.merchandise())).plus(tax);
            differencesTax = differencesTax.plus(tax);
        }
        // the customer pays the differences with their tax and what the refund keeps back, no more, no less
        assertThat(settlement.refund().minus(settlement.charge())).isEqualTo(eur(bonusMinor)
                .plus(settled.shippingRefund()).minus(keptBack).minus(differencesWithTax));

        List<JurisdictionTax> byJurisdiction = new ArrayList<>(question.get().refundTax()
                ? AppliedRefundTax.byJurisdiction(settled, figures, order)
                : PriceDifferenceTax.proportionalGivenBack(settled, order, "FR"));
        List<JurisdictionTax> difference = PriceDifferenceTax.givenBack(asked, prices, request, answer);
        assertThat(PriceDifferenceTax.taxGivenBack(difference, EUR)).isEqualTo(differencesTax.negate());
        byJurisdiction.addAll(difference);
        Money linesTax = settled.lines().stream().map(LineRefund::tax).reduce(eur(0), Money::plus);
        Money shippingTax = settled.shippingRefund().minus(settled.shippingRefund().isPositive()
                ? order.shippingCharged() : eur(0));
        assertThat(byJurisdiction.stream().map(JurisdictionTax::tax).reduce(eur(0), Money::plus))
                .isEqualTo(linesTax.plus(shippingTax).minus(differencesTax));
    }

    /** {@code merchandise} with its tax at {@code rate} (half up) and a deduction of both, rounded down. */
    private static LineRefund line(String id, int quantity, long merchandise, int rate, int deductionBps) {
        Money net = eur(merchandise * quantity);
        Money tax = eur(halfUp(merchandise * quantity, rate));
        Money gross = net.plus(tax);
        Money deduction = gross.fraction(deductionBps, 10_000);
        return new LineRefund(id, quantity, net, tax, eur(0), deduction, gross.minus(deduction), List.of());
    }

    /** A tax service at one rate, half up on the magnitude, where the exchange is made. */
    private static TaxCalculation service(TaxRequest request, int rate) {
        List<LineTax> lines = request.lines().stream().map(line -> {
            long tax = halfUp(Math.abs(line.amount().minor()), rate);
            return new LineTax(line.lineId(), eur(line.amount().isNegative() ? -tax : tax), line.returnJurisdiction(),
                    null, null);
        }).toList();
        Money taxable = request.lines().stream().map(TaxableLine::amount).reduce(eur(0), Money::plus);
        Money tax = lines.stream().map(LineTax::amountTax).reduce(eur(0), Money::plus);
        return new TaxCalculation("TAX-" + request.requestId(), EUR, lines,
                lines.isEmpty() ? List.of() : List.of(new JurisdictionTax("DE", taxable, tax)));
    }

    private static long halfUp(long amount, int basisPoints) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(basisPoints)).add(BigInteger.valueOf(5_000))
                .divide(BigInteger.valueOf(10_000)).longValueExact();
    }

    /**
     * A service that figures the refund's own lines at its own rate where they were sold (not the order's share),
     * restocking fees and differences at {@code exchangeRate} where the exchange is made; half up on the magnitude.
     */
    private static TaxCalculation serviceFiguringOtherwise(TaxRequest request, int saleRate, int exchangeRate) {
        Map<String, JurisdictionTax> totals = new LinkedHashMap<>();
        List<LineTax> lines = request.lines().stream().map(line -> {
            boolean difference = line.kind() == TaxableKind.PRICE_DIFFERENCE;
            String jurisdiction = difference ? line.returnJurisdiction() : line.saleJurisdiction();
            Money amountTax = signedHalfUp(line.amount(), difference ? exchangeRate : saleRate);
            totals.merge(jurisdiction, new JurisdictionTax(jurisdiction, line.amount(), amountTax),
                    (earlier, more) -> earlier.plus(more.taxable(), more.tax()));
            if (line.restockingFee().isZero()) {
                return new LineTax(line.lineId(), amountTax, jurisdiction, eur(0), null);
            }
            Money feeTax = signedHalfUp(line.restockingFee(), exchangeRate);
            totals.merge(line.returnJurisdiction(), new JurisdictionTax(line.returnJurisdiction(), line.restockingFee(),
                    feeTax), (earlier, more) -> earlier.plus(more.taxable(), more.tax()));
            return new LineTax(line.lineId(), amountTax, jurisdiction, feeTax, line.returnJurisdiction());
        }).toList();
        return new TaxCalculation("TAX-" + request.requestId(), EUR, lines, List.copyOf(totals.values()));
    }

    private static Money signedHalfUp(Money amount, int rate) {
        long tax = halfUp(Math.abs(amount.minor()), rate);
        return eur(amount.isNegative() ? -tax : tax);
    }

    /** Sold in France: {@code quantityA} units at {@code unitA}, one at {@code unitB}; tax at {@code rate}. */
    private static OrderSnapshot pricedOrder(long unitA, int quantityA, long unitB, int rate, long shipping) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        long taxA = halfUp(unitA * quantityA, rate);
        long taxB = halfUp(unitB, rate);
        long shippingTax = halfUp(shipping, rate);
        Money total = eur(unitA * quantityA + taxA + unitB + taxB + shipping + shippingTax);
        return new OrderSnapshot("ORD-1", "CUST-1", SalesChannel.WEB, null, at, at, "DC-EAST", EUR,
                List.of(new OrderLine("L1", "SKU-1", "one", "apparel", quantityA, eur(unitA), eur(0), eur(taxA), false),
                        new OrderLine("L2", "SKU-2", "two", "books", 1, eur(unitB), eur(0), eur(taxB), false)),
                List.of(), eur(shipping), eur(shippingTax), List.of(new Tender("T1", TenderType.CARD, total, "PSP-1")));
    }

    private static OrderSnapshot order() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new OrderSnapshot("ORD-1", "CUST-1", SalesChannel.WEB, null, at, at, "DC-EAST", EUR,
                List.of(new OrderLine("L1", "SKU-1", "one", "apparel", 5, eur(1), eur(0), eur(0), false),
                        new OrderLine("L2", "SKU-2", "two", "books", 1, eur(1), eur(0), eur(0), false)),
                List.of(), eur(0), eur(0), List.of(new Tender("T1", TenderType.CARD, eur(1), "PSP-1")));
    }

    private static Money eur(long minor) {
        return Money.of(minor, EUR);
    }
}
