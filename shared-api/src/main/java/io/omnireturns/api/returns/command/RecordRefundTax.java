package io.omnireturns.api.returns.command;

import io.omnireturns.api.tax.TaxCalculation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The tax service's answer to the refund's tax request {@code requestId}; the outcome of step CALCULATE_TAX. */
public record RecordRefundTax(@TargetAggregateIdentifier String returnId, String requestId,
                              TaxCalculation calculation) {
}
