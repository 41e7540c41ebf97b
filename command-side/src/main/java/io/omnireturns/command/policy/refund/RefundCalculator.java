package io.omnireturns.command.policy.refund;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.money.MoneyException;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.Tender;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.command.policy.refund.OrderLinePayments.LinePayment;
import io.omnireturns.command.policy.tax.AppliedRefundTax;
import io.omnireturns.command.policy.tax.RefundTaxFigures;
import io.omnireturns.command.policy.tax.RefundTaxRequests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static io.omnireturns.command.policy.refund.RefundRuleCodes.CAPPED_BY_PRIOR_REFUNDS;
import static io.omnireturns.command.policy.refund.RefundRuleCodes.PRORATED_ORDER_PROMOTION;
import static io.omnireturns.command.policy.refund.RefundRules.WHOLE_IN_BASIS_POINTS;

/**
 * Prices one return to the minor unit: what each accepted line gives back, shipping, and the split over
 * the tenders. Every unit's price is a slice of what was paid for its line, so over any sequence of
 * returns on an order a line never gives back more than was paid for it.
 */
public final class RefundCalculator {

    /** Tender id of a refund paid out as new store credit rather than to a tender of the order. */
    public static final String STORE_CREDIT_TENDER_ID = "STORE_CREDIT";
    /** Tender id of a refund paid out as a new gift card (never a gift card the order was paid with). */
    public static final String GIFT_CARD_TENDER_ID = "GIFT_CARD";

    private final RefundRules rules;

    public RefundCalculator(RefundRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public RefundBreakdown calculate(RefundInput input) {
        OrderSnapshot order = input.order();
        String currency = order.currency();
        requireSameCurrency(currency, input.prior());
        requireLinesOnOrder(input);

        OrderLinePayments payments = OrderLinePayments.of(order);
        // the same order line may appear more than once (units graded differently), so totals run on
        Map<String, LineTotals> refundedSoFar = new HashMap<>(input.prior().byLine());
        List<LineRefund> lineRefunds = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (RefundableLine line : input.lines()) {
            if (line.acceptedQuantity() == 0) {
                continue;
            }
            LineTotals before = refundedSoFar.getOrDefault(line.orderLineId(), LineTotals.none(currency));
            int occurrence = occurrences.merge(line.orderLineId(), 1, Integer::sum);
            String taxLineId = occurrence == 1 ? line.orderLineId() : line.orderLineId() + "#" + occurrence;
            LineRefund refund = refundLine(line, payments.line(line.orderLineId()).orElseThrow(), before,
                    input.deductionsWaived(), input.tax(), taxLineId);
            lineRefunds.add(refund);
            refundedSoFar.put(line.orderLineId(), before.plus(refund));
        }

        Money shipping = shippingRefund(order, input);
        Money total = Money.sum(lineRefunds.stream().map(LineRefund::amount).toList(), currency).plus(shipping);
        return new RefundBreakdown(currency, lineRefunds, shipping, total, tenderSplit(input, total));
    }

    /**
     * {@code amount} split over the order's tenders as a refund of {@code input.method()} would be (what earlier
     * refunds took from a tender is no longer there); beyond what the tenders hold, store credit. For an exchange's
     * price difference given back.
     */
    public List<TenderRefund> splitOverTenders(RefundInput input, Money amount) {
        return tenderSplit(input, amount);
    }

    private LineRefund refundLine(RefundableLine line, LinePayment paid, LineTotals before, boolean waived,
                                  RefundTaxFigures figures, String taxLineId) {
        Objects.requireNonNull(line.grade(), () -> "line " + line.orderLineId() + " has no inspection grade");
        Objects.requireNonNull(line.reason(), () -> "line " + line.orderLineId() + " has no return reason");
        Money zero = Money.zero(paid.netMerchandise().currency());
        List<String> ruleCodes = new ArrayList<>();
        if (paid.orderPromotionShare().isPositive()) {
            ruleCodes.add(PRORATED_ORDER_PROMOTION);
        }

        int units = line.acceptedQuantity();
        Money merchandise = unitsSlice(paid.netMerchandise(), paid.quantity(), before.units(), units);
        Money tax = unitsSlice(paid.tax(), paid.quantity(), before.units(), units);
        Money merchandiseLeft = paid.netMerchandise().minus(before.merchandise()).max(zero);
        Money taxLeft = paid.tax().minus(before.tax()).max(zero);
        if (merchandise.isGreaterThan(merchandiseLeft) || tax.isGreaterThan(taxLeft)) {
            ruleCodes.add(CAPPED_BY_PRIOR_REFUNDS);
            merchandise = merchandise.min(merchandiseLeft);
            tax = tax.min(taxLeft);
        }
        Optional<LineTax> serviceTax = figures == null ? Optional.empty() : figures.line(taxLineId, merchandise);
        if (serviceTax.isPresent()) {
            // the tax service's figure replaces the proportional share, within what is left of the tax paid
            ruleCodes.add(AppliedRefundTax.TAX_FROM_TAX_SERVICE);
            Money figured = serviceTax.get().amountTax();
            if (figured.isGreaterThan(taxLeft) && !ruleCodes.contains(CAPPED_BY_PRIOR_REFUNDS)) {
                ruleCodes.add(CAPPED_BY_PRIOR_REFUNDS);
            }
            tax = figured.min(taxLeft).max(zero);
        }

        Money gross = merchandise.plus(tax);
        boolean retailerFault = line.reason().isRetailerFault();
        Money deduction = zero;
        int deductionRate = rules.deductionBasisPointsFor(line.grade());
        if (!retailerFault && deductionRate > 0) {
            // rounded down: a fraction of a minor unit stays with the customer
            deduction = gross.fraction(deductionRate, WHOLE_IN_BASIS_POINTS);
            ruleCodes.add(deductionRate == WHOLE_IN_BASIS_POINTS
                    ? RefundRuleCodes.notRefundable(line.grade())
                    : RefundRuleCodes.conditionDeduction(line.grade()));
        }
        Money fee = zero;
        int feeRate = rules.restockingFeeBasisPointsFor(line.reason());
        if (!retailerFault && feeRate > 0) {
            fee = merchandise.fraction(feeRate, WHOLE_IN_BASIS_POINTS).min(gross.minus(deduction));
            if (fee.isPositive()) {
                ruleCodes.add(RefundRuleCodes.restockingFee(line.reason()));
            }
        }
        if (waived && (deduction.isPositive() || fee.isPositive())) {
            // goodwill: the policy's keep-backs are named, then given back in full
            ruleCodes.add(RefundRuleCodes.GOODWILL_DEDUCTIONS_WAIVED);
            deduction = zero;
            fee = zero;
        }
        Money amount = gross.minus(deduction).minus(fee);
        if (serviceTax.isPresent() && fee.isPositive() && fee.equals(figures.restockingFeeBasis(taxLineId))) {
            // the retailer keeps the fee's tax too, unless the fee already takes all that is left
            Money feeTax = serviceTax.get().restockingFeeTax();
            if (feeTax.isPositive() && !feeTax.isGreaterThan(amount)) {
                ruleCodes.add(AppliedRefundTax.RESTOCKING_FEE_TAXED);
                tax = tax.minus(feeTax);
                amount = amount.minus(feeTax);
            }
        }
        return new LineRefund(line.orderLineId(), units, merchandise, tax, fee, deduction, amount, ruleCodes);
    }

    /**
     * The price of units r+1..r+k of a line of q units that cost {@code whole}: cum(r+k) - cum(r) with
     * cum(n) = floor(whole * n / q). The slices of any sequence of returns telescope to exactly {@code whole}.
     */
    private static Money unitsSlice(Money whole, int lineQuantity, int unitsBefore, int units) {
        return cumulative(whole, lineQuantity, unitsBefore + units).minus(cumulative(whole, lineQuantity, unitsBefore));
    }

    private static Money cumulative(Money whole, int lineQuantity, int units) {
        if (lineQuantity <= 0) {
            return Money.zero(whole.currency());
        }
        return whole.fraction(Math.min(units, lineQuantity), lineQuantity);
    }

    private Money shippingRefund(OrderSnapshot order, RefundInput input) {
        Money zero = Money.zero(order.currency());
        boolean retailerAtFault = input.lines().stream()
                .anyMatch(line -> line.acceptedQuantity() > 0 && line.reason().isRetailerFault());
        if (!rules.refundShippingWhenRetailerFault() || !retailerAtFault || !input.prior().shippingRefunded().isZero()) {
            return zero;
        }
        Money net = orZero(order.shippingCharged(), zero);
        Optional<LineTax> serviceTax = input.tax() == null ? Optional.empty()
                : input.tax().line(RefundTaxRequests.SHIPPING_LINE, net);
        return net.plus(serviceTax.map(LineTax::amountTax).orElse(orZero(order.shippingTax(), zero)));
    }

    private List<TenderRefund> tenderSplit(RefundInput input, Money total) {
        if (total.isZero()) {
            return List.of();
        }
        if (input.method() == RefundMethod.STORE_CREDIT) {
            return List.of(new TenderRefund(STORE_CREDIT_TENDER_ID, TenderType.STORE_CREDIT, total));
        }
        if (input.method() == RefundMethod.GIFT_CARD) {
            return List.of(new TenderRefund(GIFT_CARD_TENDER_ID, TenderType.GIFT_CARD, total));
        }
        List<Tender> refundOrder = input.order().tenders().stream()
                .sorted(Comparator.comparingInt(tender -> rules.tenderRank(tender.type())))
                .toList();
        List<TenderRefund> parts = new ArrayList<>();
        Money outstanding = total;
        for (Tender tender : refundOrder) {
            Money left = tender.amount().minus(input.prior().tender(tender.tenderId())).max(Money.zero(total.currency()));
            Money part = left.min(outstanding);
            if (part.isPositive()) {
                parts.add(new TenderRefund(tender.tenderId(), tender.type(), part));
                outstanding = outstanding.minus(part);
            }
        }
        // only reachable when the order's tenders do not cover what it charged; the customer is still paid
        if (outstanding.isPositive()) {
            parts.add(new TenderRefund(STORE_CREDIT_TENDER_ID, TenderType.STORE_CREDIT, outstanding));
        }
        return parts;
    }

    private static void requireLinesOnOrder(RefundInput input) {
        for (RefundableLine line : input.lines()) {
            if (input.order().line(line.orderLineId()).isEmpty()) {
                throw new IllegalArgumentException("order line " + line.orderLineId()
                        + " is not on order " + input.order().orderId());
            }
            if (line.acceptedQuantity() < 0) {
                throw new IllegalArgumentException("accepted quantity of order line " + line.orderLineId()
                        + " must not be negative, got " + line.acceptedQuantity());
            }
        }
    }

    private static void requireSameCurrency(String orderCurrency, PriorRefunds prior) {
        if (!orderCurrency.equals(prior.currency())) {
            throw new MoneyException("CURRENCY_MISMATCH",
                    "order is in " + orderCurrency + " but prior refunds are in " + prior.currency());
        }
    }

    private static Money orZero(Money amount, Money zero) {
        return amount == null ? zero : amount;
    }
}
