package io.omnireturns.command.policy.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a refund must ask the tax service, if anything: the one rule the refund decision and the quote share. Given
 * the refund priced with the order's proportional share of tax, the refund's own lines are asked about for the
 * reasons {@link TaxConsultation#reasons} finds, and an exchange's price differences ({@link PriceDifferenceTax})
 * where {@code PRICE_DIFFERENCE} is switched on; both in one request. No reason: nothing is asked.
 *
 * @param lines            the taxable lines to ask about, the refund's first
 * @param reasons          why, as recorded on {@code RefundTaxRequested}
 * @param refundTax        the refund's own lines are among them (else they keep the proportional share)
 * @param priceDifference  an exchange's price differences are among them
 */
public record RefundTaxQuestion(List<TaxableLine> lines, List<String> reasons, boolean refundTax,
                                boolean priceDifference) {

    public RefundTaxQuestion {
        lines = List.copyOf(lines);
        reasons = List.copyOf(reasons);
    }

    /**
     * @param proportional          the refund as the calculator prices it with the order's proportional share of tax
     * @param replacementUnitPrices an exchange's priced replacements by order line (ignored for other methods)
     */
    public static Optional<RefundTaxQuestion> of(TaxConsultation consultation, OrderSnapshot order,
                                                 RefundMethod method, RefundBreakdown proportional,
                                                 Map<String, Money> replacementUnitPrices, String saleJurisdiction,
                                                 String returnJurisdiction) {
        Objects.requireNonNull(consultation, "consultation");
        if (!consultation.everConsulted() || proportional.lines().isEmpty()) {
            return Optional.empty();
        }
        List<String> refundReasons = consultation.reasons(saleJurisdiction, returnJurisdiction, proportional);
        List<PriceDifferenceTax.Line> differences = method == RefundMethod.EXCHANGE && replacementUnitPrices != null
                ? PriceDifferenceTax.lines(proportional, replacementUnitPrices) : List.of();
        List<String> differenceReasons = differences.isEmpty() ? List.of()
                : consultation.reasonsForPriceDifference(differences.get(0).difference());
        if (refundReasons.isEmpty() && differenceReasons.isEmpty()) {
            return Optional.empty();
        }
        List<TaxableLine> lines = new ArrayList<>();
        if (!refundReasons.isEmpty()) {
            // the request id and return are the caller's; only the lines are taken
            lines.addAll(RefundTaxRequests.of(null, null, order, proportional, saleJurisdiction, returnJurisdiction)
                    .lines());
        }
        if (!differenceReasons.isEmpty()) {
            lines.addAll(PriceDifferenceTax.taxable(differences, order, saleJurisdiction, returnJurisdiction));
        }
        List<String> reasons = new ArrayList<>(refundReasons);
        reasons.addAll(differenceReasons);
        return Optional.of(new RefundTaxQuestion(lines, reasons, !refundReasons.isEmpty(),
                !differenceReasons.isEmpty()));
    }

    /** The question as a request to the service, under {@code requestId} (for {@code returnId}, null for a quote). */
    public TaxRequest request(String requestId, String returnId, String currency) {
        return new TaxRequest(requestId, returnId, currency, lines);
    }
}
