package io.omnireturns.command.policy.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tax an approved refund gives back, per jurisdiction, from the refund and the service's figures it was priced
 * with. A line priced with the service's figures ({@link #TAX_FROM_TAX_SERVICE}) gives back its merchandise tax in
 * the jurisdiction the service named, less its restocking fee's tax there where the fee was taxed
 * ({@link #RESTOCKING_FEE_TAXED}); a line that kept the proportional share gives it back in its sale jurisdiction;
 * the shipping refund's tax goes where the service put it. The figures sum to the lines' tax plus the shipping
 * refund's tax, exactly.
 */
public final class AppliedRefundTax {

    /** Rule code of a refund line whose tax is the tax service's figure. */
    public static final String TAX_FROM_TAX_SERVICE = "TAX_FROM_TAX_SERVICE";
    /** Rule code of a refund line whose restocking fee carries tax (kept by the retailer, owed where it is kept). */
    public static final String RESTOCKING_FEE_TAXED = "RESTOCKING_FEE_TAXED";

    private AppliedRefundTax() {
    }

    public static List<JurisdictionTax> byJurisdiction(RefundBreakdown refund, RefundTaxFigures figures,
                                                       OrderSnapshot order) {
        String currency = refund.currency();
        Money zero = Money.zero(currency);
        Map<String, JurisdictionTax> totals = new LinkedHashMap<>();
        List<String> ids = RefundTaxRequests.lineIds(refund.lines());
        for (int i = 0; i < refund.lines().size(); i++) {
            LineRefund line = refund.lines().get(i);
            String id = ids.get(i);
            Optional<LineTax> service = line.ruleCodes().contains(TAX_FROM_TAX_SERVICE)
                    ? figures.calculation().line(id) : Optional.empty();
            if (service.isEmpty()) {
                String sold = figures.saleJurisdiction(id).orElseThrow(() -> new IllegalArgumentException(
                        "refund line " + id + " was not asked about"));
                book(totals, sold, line.merchandise(), line.tax(), zero);
                continue;
            }
            Money feeTax = feeTaxKept(line, service.get());
            book(totals, service.get().amountJurisdiction(), line.merchandise(), line.tax().plus(feeTax), zero);
            if (feeTax.isPositive()) {
                book(totals, service.get().restockingFeeJurisdiction(), line.restockingFee().negate(), feeTax.negate(),
                        zero);
            }
        }
        if (refund.shippingRefund().isPositive()) {
            Money net = order.shippingCharged() == null ? zero : order.shippingCharged();
            String where = figures.calculation().line(RefundTaxRequests.SHIPPING_LINE)
                    .map(LineTax::amountJurisdiction)
                    .orElseGet(() -> figures.saleJurisdiction(RefundTaxRequests.SHIPPING_LINE).orElse(null));
            if (where == null) {
                throw new IllegalArgumentException("the shipping refund was not asked about");
            }
            book(totals, where, net, refund.shippingRefund().minus(net), zero);
        }
        return new ArrayList<>(totals.values());
    }

    /**
     * The tax {@code line} gives back on its merchandise: its tax, plus its restocking fee's tax where the retailer
     * keeps that from it ({@link #RESTOCKING_FEE_TAXED}, the fee's tax figured in {@code calculation} on line
     * {@code lineId}).
     */
    public static Money merchandiseTax(LineRefund line, String lineId, TaxCalculation calculation) {
        if (!line.ruleCodes().contains(RESTOCKING_FEE_TAXED)) {
            return line.tax();
        }
        LineTax service = calculation.line(lineId).orElseThrow(() -> new IllegalArgumentException(
                "refund line " + lineId + " has its fee taxed but the tax calculation has no line " + lineId));
        return line.tax().plus(feeTaxKept(line, service));
    }

    private static Money feeTaxKept(LineRefund line, LineTax service) {
        return line.ruleCodes().contains(RESTOCKING_FEE_TAXED) ? service.restockingFeeTax()
                : Money.zero(line.tax().currency());
    }

    private static void book(Map<String, JurisdictionTax> totals, String jurisdiction, Money taxable, Money tax,
                             Money zero) {
        totals.computeIfAbsent(jurisdiction, j -> new JurisdictionTax(j, zero, zero));
        totals.computeIfPresent(jurisdiction, (j, earlier) -> earlier.plus(taxable, tax));
    }
}
