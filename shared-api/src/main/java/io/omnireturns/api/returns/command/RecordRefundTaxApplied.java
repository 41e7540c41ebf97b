package io.omnireturns.api.returns.command;

import io.omnireturns.api.tax.JurisdictionTax;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The tax the approved refund gives back per jurisdiction; sent by the refund decision right after approving. */
public record RecordRefundTaxApplied(@TargetAggregateIdentifier String returnId, String calculationId,
                                     List<String> reasons, List<JurisdictionTax> byJurisdiction) {

    public RecordRefundTaxApplied {
        reasons = List.copyOf(reasons);
        byJurisdiction = List.copyOf(byJurisdiction);
    }
}
