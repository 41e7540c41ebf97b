package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.tax.TaxRequest;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * {@code reasons}: why the order's proportional share of tax is not enough for this refund
 * ({@code CROSS_JURISDICTION}, {@code RESTOCKING_FEE}, {@code SHIPPING}, {@code PRICE_DIFFERENCE}).
 */
@EventMeaning("The refund's tax must come from the tax service, not from the order's proportional share: the "
        + "taxable lines it is asked about, and why.")
@Revision("1")
public record RefundTaxRequested(String returnId, TaxRequest request, List<String> reasons) implements ReturnEvent {

    public RefundTaxRequested {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
