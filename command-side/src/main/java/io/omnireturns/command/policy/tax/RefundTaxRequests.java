package io.omnireturns.command.policy.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableKind;
import io.omnireturns.api.tax.TaxableLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The taxable lines of a refund, as the tax service is asked about them: each refund line's merchandise (net of
 * promotions) and restocking fee, and the refunded shipping (net of its tax). Lines are named by their order line
 * ({@code ORD-1-L1}; a second refund line of the same order line, units graded apart, {@code ORD-1-L1#2}), shipping
 * {@value #SHIPPING_LINE}. The request id is {@code returnId:CALCULATE_TAX:n}, the step's idempotency key.
 */
public final class RefundTaxRequests {

    public static final String SHIPPING_LINE = "SHIPPING";
    public static final String SHIPPING_CATEGORY = "shipping";

    private RefundTaxRequests() {
    }

    public static String requestId(String returnId, int number) {
        return returnId + ":CALCULATE_TAX:" + number;
    }

    /** The tax lines' ids of {@code refund}'s lines, in order. */
    public static List<String> lineIds(List<LineRefund> lines) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (LineRefund line : lines) {
            int occurrence = seen.merge(line.orderLineId(), 1, Integer::sum);
            ids.add(occurrence == 1 ? line.orderLineId() : line.orderLineId() + "#" + occurrence);
        }
        return ids;
    }

    public static TaxRequest of(String requestId, String returnId, OrderSnapshot order, RefundBreakdown refund,
                                String saleJurisdiction, String returnJurisdiction) {
        List<TaxableLine> lines = new ArrayList<>();
        List<String> ids = lineIds(refund.lines());
        for (int i = 0; i < refund.lines().size(); i++) {
            LineRefund line = refund.lines().get(i);
            String category = order.line(line.orderLineId()).map(OrderLine::category).orElse(null);
            lines.add(new TaxableLine(ids.get(i), TaxableKind.MERCHANDISE, category, line.merchandise(),
                    line.restockingFee(), saleJurisdiction, returnJurisdiction));
        }
        if (refund.shippingRefund().isPositive() && order.shippingCharged() != null) {
            lines.add(new TaxableLine(SHIPPING_LINE, TaxableKind.SHIPPING, SHIPPING_CATEGORY, order.shippingCharged(),
                    null, saleJurisdiction, returnJurisdiction));
        }
        return new TaxRequest(requestId, returnId, order.currency(), lines);
    }

    /**
     * The hook for an exchange at a different price: the one line to ask the service about the tax on
     * {@code difference} (replacement less returned item, net of tax; negative when the replacement is cheaper).
     */
    public static TaxRequest priceDifference(String requestId, String returnId, OrderLine returned, Money difference,
                                             String saleJurisdiction, String returnJurisdiction) {
        return new TaxRequest(requestId, returnId, difference.currency(), List.of(priceDifferenceLine(
                returned.lineId() + PriceDifferenceTax.SUFFIX, returned.category(), difference, saleJurisdiction,
                returnJurisdiction)));
    }

    /** One line of an exchange's price difference ({@link PriceDifferenceTax}), net of tax. */
    public static TaxableLine priceDifferenceLine(String lineId, String category, Money difference,
                                                  String saleJurisdiction, String returnJurisdiction) {
        return new TaxableLine(lineId, TaxableKind.PRICE_DIFFERENCE, category, difference, null, saleJurisdiction,
                returnJurisdiction);
    }

    /** Whether two requests ask about the same lines (their ids apart): the same basis, so the same answer. */
    public static boolean sameBasis(TaxRequest one, TaxRequest other) {
        return one != null && other != null && one.currency().equals(other.currency())
                && one.lines().equals(other.lines());
    }
}
