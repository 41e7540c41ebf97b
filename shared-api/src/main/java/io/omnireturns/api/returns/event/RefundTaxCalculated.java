package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.tax.TaxCalculation;
import org.axonframework.serialization.Revision;

@EventMeaning("The tax service answered the refund's tax request: the tax per line and per jurisdiction.")
@Revision("1")
public record RefundTaxCalculated(String returnId, String requestId, TaxCalculation calculation)
        implements ReturnEvent {
}
