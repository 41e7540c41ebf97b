package io.omnireturns.api.returns.command;

import io.omnireturns.api.tax.TaxRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Record that the refund waits for the tax service's figures on {@code request}; sent by the refund decision. */
public record RequestRefundTax(@TargetAggregateIdentifier String returnId, TaxRequest request, List<String> reasons) {

    public RequestRefundTax {
        reasons = List.copyOf(reasons);
    }
}
