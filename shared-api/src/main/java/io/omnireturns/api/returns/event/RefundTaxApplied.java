package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.tax.JurisdictionTax;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The tax the approved refund gives back, per jurisdiction, as the tax service figured it: {@code tax} positive is
 * tax given back to the customer (credited in that jurisdiction), negative is tax the retailer keeps and owes there
 * (on a restocking fee, say). {@code taxable} is the net amount it is figured on (a kept fee counts negative).
 * Always applied together with the {@code RefundApproved} it belongs to; its figures sum to the approved lines'
 * tax plus the tax in the shipping refund, plus {@code priceDifferenceTax} for an exchange at a different price: the
 * tax the service figured on the price difference where the exchange is made, given back (negative where the
 * customer pays it on a dearer replacement); null when no difference was taxed.
 */
@EventMeaning("The approved refund gives back the tax service's figures: the tax given back per jurisdiction, and "
        + "why the service was asked.")
@Revision("1")
public record RefundTaxApplied(String returnId, String calculationId, List<String> reasons,
                               List<JurisdictionTax> byJurisdiction, Money priceDifferenceTax) implements ReturnEvent {

    public RefundTaxApplied {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        byJurisdiction = byJurisdiction == null ? List.of() : List.copyOf(byJurisdiction);
    }

    /** No exchange's price difference among it. */
    public RefundTaxApplied(String returnId, String calculationId, List<String> reasons,
                            List<JurisdictionTax> byJurisdiction) {
        this(returnId, calculationId, reasons, byJurisdiction, null);
    }
}
