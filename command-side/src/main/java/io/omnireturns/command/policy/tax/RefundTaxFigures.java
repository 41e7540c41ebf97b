package io.omnireturns.command.policy.tax;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.tax.LineTax;
import io.omnireturns.api.tax.TaxCalculation;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.api.tax.TaxableLine;

import java.util.Objects;
import java.util.Optional;

/**
 * The tax service's answer together with what it was asked, for the refund calculator: the figures of a line are
 * used only for the basis they were figured on (the same merchandise; the same fee), so an answer never lands on
 * other amounts than it was given.
 */
public record RefundTaxFigures(TaxRequest request, TaxCalculation calculation) {

    public RefundTaxFigures {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(calculation, "calculation");
        if (!request.currency().equals(calculation.currency())) {
            throw new IllegalArgumentException("a tax calculation in " + calculation.currency() + " for a request in "
                    + request.currency());
        }
    }

    /** The service's tax on line {@code lineId}, if it was figured on {@code amount}. */
    public Optional<LineTax> line(String lineId, Money amount) {
        Optional<TaxableLine> asked = request.line(lineId);
        if (asked.isEmpty() || !asked.get().amount().equals(amount)) {
            return Optional.empty();
        }
        return calculation.line(lineId);
    }

    /** The fee the service taxed on {@code lineId} (zero for none). */
    public Money restockingFeeBasis(String lineId) {
        return request.line(lineId).map(TaxableLine::restockingFee).orElse(Money.zero(request.currency()));
    }

    /** The jurisdiction the line was sold in, as asked. */
    public Optional<String> saleJurisdiction(String lineId) {
        return request.line(lineId).map(TaxableLine::saleJurisdiction);
    }

    /**
     * The hook for an exchange at a different price: the difference with its tax, as the customer pays it (positive)
     * or gets it back (negative), from the service's answer to {@link RefundTaxRequests#priceDifference}.
     */
    public static Money priceDifferenceWithTax(TaxRequest request, TaxCalculation calculation) {
        TaxableLine difference = request.lines().get(0);
        LineTax tax = calculation.line(difference.lineId()).orElseThrow(() -> new IllegalArgumentException(
                "the tax calculation has no line " + difference.lineId()));
        return difference.amount().plus(tax.amountTax());
    }
}
