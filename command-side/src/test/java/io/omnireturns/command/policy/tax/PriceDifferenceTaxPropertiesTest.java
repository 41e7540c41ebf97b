package io.omnireturns.command.policy.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableLine;
import io.omnireturns.command.policy.refund.ExchangeSettlement;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money of an exchange whose price differences the tax service taxed balances in every case: for any returned
 * lines (merchandise, tax, deductions), any replacement prices, any rate where the exchange is made and any bonus,
 * refund - charge = returned value + bonus - cost, and the cost is the returned tax plus the replacements' net price
 * plus the service's tax on the differences, to the minor unit. The tax given back per jurisdiction (the refund's in
 * the sale's jurisdiction, the differences' where the exchange is made) sums to the lines' tax plus the differences'
 * tax given back, as the return and the ERP require of the credit memo, and the difference's part is exactly minus
 * the service's tax on it. EUR minor units throughout.
 */
class PriceDifferenceTaxPropertiesTest {

    private static final String EUR = "EUR";

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

        Money cost = PriceDifferenceTax.replacementCost(refund, prices, request, answer);
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
