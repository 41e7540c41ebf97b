package io.omnireturns.command.policy.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableLine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tax of an exchange at a different price, from the tax service: the difference is a sale where the exchange is
 * made. Per returned line with a priced replacement, the replacement's net price is its catalogue price (tax
 * included) split at the returned item's own ratio of net to tax-included value as it was sold (the refund priced with
 * the order's proportional share of tax, which the service is asked about; half up to the minor unit); the
 * difference is that net price less the returned merchandise (negative for a cheaper replacement), and the service
 * figures its tax. The replacements then cost, exactly, the tax the refund gives back on the returned merchandise
 * (the service's figure where it figured the refund's tax, before the restocking fee's tax is kept) plus their net
 * price plus the difference's tax (a line without a priced replacement is swapped like for like and costs what it
 * gives back), so {@code refund - charge = returned value + bonus - cost} holds as for catalogue prices, and the
 * customer pays the differences with their tax plus whatever the refund keeps back (fees with their tax,
 * deductions), less the bonus; with the tax of the sale and of the exchange alike, the cost is the catalogue price.
 * <p>
 * The difference's tax is booked with the refund's tax as tax given back in the jurisdiction the service named:
 * negative where the customer pays tax on a dearer replacement, positive where a cheaper one gives tax back.
 */
public final class PriceDifferenceTax {

    /** Suffix of a difference's tax line: {@code ORD-1-L1:PRICE_DIFFERENCE} ({@code ORD-1-L1#2:…} for units apart). */
    public static final String SUFFIX = ":PRICE_DIFFERENCE";

    /** One returned line's replacement: its net price and the difference to ask the service about. */
    public record Line(String taxLineId, String orderLineId, Money replacementNet, Money difference) {
    }

    private PriceDifferenceTax() {
    }

    /** The lines of {@code refund} whose replacement is priced, each with a difference other than zero. */
    public static List<Line> lines(RefundBreakdown refund, Map<String, Money> replacementUnitPrices) {
        List<Line> lines = new ArrayList<>();
        List<String> ids = RefundTaxRequests.lineIds(refund.lines());
        for (int i = 0; i < refund.lines().size(); i++) {
            LineRefund line = refund.lines().get(i);
            Money unitPrice = replacementUnitPrices.get(line.orderLineId());
            if (unitPrice == null || line.quantity() == 0) {
                continue;
            }
            Money net = netPrice(unitPrice.times(line.quantity()), line);
            Money difference = net.minus(line.merchandise());
            if (!difference.isZero()) {
                lines.add(new Line(ids.get(i) + SUFFIX, line.orderLineId(), net, difference));
            }
        }
        return lines;
    }

    /** The difference lines as the tax service is asked about them, taxed where the exchange is made. */
    public static List<TaxableLine> taxable(List<Line> lines, OrderSnapshot order, String saleJurisdiction,
                                            String returnJurisdiction) {
        return lines.stream().map(line -> RefundTaxRequests.priceDifferenceLine(line.taxLineId(),
                order.line(line.orderLineId()).map(OrderLine::category).orElse(null), line.difference(),
                saleJurisdiction, returnJurisdiction)).toList();
    }

    /**
     * What the replacements of {@code refund}'s lines cost in all, with the service's tax on each difference in
     * {@code calculation} (asked in {@code request}); an exchange without priced replacements costs what comes back.
     *
     * @param asked  the refund as the question was built on it: priced with the order's proportional share of tax
     *               ({@link #lines}); the differences and net prices are its
     * @param refund the same lines as settled, with the service's figures where it figured the refund's own tax
     */
    public static Money replacementCost(RefundBreakdown asked, RefundBreakdown refund,
                                        Map<String, Money> replacementUnitPrices, TaxRequest request,
                                        TaxCalculation calculation) {
        requireSameLines(asked, refund);
        Map<String, Line> differences = new LinkedHashMap<>();
        for (Line line : lines(asked, replacementUnitPrices)) {
            differences.put(line.taxLineId(), line);
        }
        Money cost = Money.zero(refund.currency());
        List<String> ids = RefundTaxRequests.lineIds(refund.lines());
        for (int i = 0; i < refund.lines().size(); i++) {
            LineRefund line = refund.lines().get(i);
            Money unitPrice = replacementUnitPrices.get(line.orderLineId());
            if (unitPrice == null) {
                cost = cost.plus(line.amount()); // swapped like for like
                continue;
            }
            Line difference = differences.get(ids.get(i) + SUFFIX);
            Money net = difference == null ? netPrice(unitPrice.times(line.quantity()), asked.lines().get(i))
                    : difference.replacementNet();
            Money differenceTax = difference == null ? Money.zero(refund.currency())
                    : figured(difference, request, calculation).amountTax();
            cost = cost.plus(AppliedRefundTax.merchandiseTax(line, ids.get(i), calculation)).plus(net)
                    .plus(differenceTax);
        }
        return cost;
    }

    /**
     * The difference's tax given back per jurisdiction (the negated difference and its tax), in the answer's order;
     * {@code asked}: the refund as the question was built on it, with the order's proportional share of tax.
     */
    public static List<JurisdictionTax> givenBack(RefundBreakdown asked, Map<String, Money> replacementUnitPrices,
                                                  TaxRequest request, TaxCalculation calculation) {
        Map<String, JurisdictionTax> totals = new LinkedHashMap<>();
        Money zero = Money.zero(asked.currency());
        for (Line line : lines(asked, replacementUnitPrices)) {
            LineTax tax = figured(line, request, calculation);
            totals.computeIfAbsent(tax.amountJurisdiction(), j -> new JurisdictionTax(j, zero, zero));
            totals.computeIfPresent(tax.amountJurisdiction(),
                    (j, earlier) -> earlier.plus(line.difference().negate(), tax.amountTax().negate()));
        }
        return new ArrayList<>(totals.values());
    }

    /** The sum of {@link #givenBack}'s tax: what the difference gives back in tax (negative: the customer pays it). */
    public static Money taxGivenBack(List<JurisdictionTax> givenBack, String currency) {
        return givenBack.stream().map(JurisdictionTax::tax).reduce(Money.zero(currency), Money::plus);
    }

    /**
     * The refund's own tax given back per jurisdiction where it kept the order's proportional share: every line's and
     * the shipping refund's tax in the sale's jurisdiction.
     */
    public static List<JurisdictionTax> proportionalGivenBack(RefundBreakdown refund, OrderSnapshot order,
                                                              String saleJurisdiction) {
        Money zero = Money.zero(refund.currency());
        JurisdictionTax sold = new JurisdictionTax(saleJurisdiction, zero, zero);
        for (LineRefund line : refund.lines()) {
            sold = sold.plus(line.merchandise(), line.tax());
        }
        if (refund.shippingRefund().isPositive()) {
            Money net = order.shippingCharged() == null ? zero : order.shippingCharged().min(refund.shippingRefund());
            sold = sold.plus(net, refund.shippingRefund().minus(net));
        }
        return List.of(sold);
    }

    /** The settled refund prices the same units of the same lines as the one the differences were asked for. */
    private static void requireSameLines(RefundBreakdown asked, RefundBreakdown refund) {
        boolean same = asked.currency().equals(refund.currency()) && asked.lines().size() == refund.lines().size();
        for (int i = 0; same && i < asked.lines().size(); i++) {
            LineRefund one = asked.lines().get(i);
            LineRefund other = refund.lines().get(i);
            same = one.orderLineId().equals(other.orderLineId()) && one.quantity() == other.quantity()
                    && one.merchandise().equals(other.merchandise());
        }
        if (!same) {
            throw new IllegalArgumentException("the refund's lines are not those its price differences were asked for");
        }
    }

    private static LineTax figured(Line line, TaxRequest request, TaxCalculation calculation) {
        Optional<TaxableLine> asked = request.line(line.taxLineId());
        if (asked.isEmpty() || !asked.get().amount().equals(line.difference())) {
            throw new IllegalArgumentException("the tax service was not asked about the difference "
                    + line.difference() + " of line " + line.taxLineId());
        }
        return calculation.line(line.taxLineId()).orElseThrow(() -> new IllegalArgumentException(
                "the tax calculation has no line " + line.taxLineId()));
    }

    /** {@code gross} at the returned line's ratio of merchandise to merchandise plus tax, half up. */
    static Money netPrice(Money gross, LineRefund returned) {
        long basis = returned.merchandise().minor() + returned.tax().minor();
        if (basis <= 0 || returned.tax().isZero()) {
            return gross;
        }
        BigInteger scaled = BigInteger.valueOf(gross.minor()).multiply(BigInteger.valueOf(returned.merchandise().minor()));
        BigInteger[] quotient = scaled.divideAndRemainder(BigInteger.valueOf(basis));
        long net = quotient[0].longValueExact()
                + (quotient[1].shiftLeft(1).compareTo(BigInteger.valueOf(basis)) >= 0 ? 1 : 0);
        return Money.of(net, gross.currency());
    }
}
