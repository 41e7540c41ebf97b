package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.tax.JurisdictionTax;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * The tax the approved refund gives back per jurisdiction; sent by the refund decision right after approving.
 * {@code priceDifferenceTax}: the part of it that is an exchange's price difference's tax (negative where the customer
 * pays it on a dearer replacement); null when no difference was taxed.
 */
public record RecordRefundTaxApplied(@TargetAggregateIdentifier String returnId, String calculationId,
                                     List<String> reasons, List<JurisdictionTax> byJurisdiction,
                                     Money priceDifferenceTax) {

    public RecordRefundTaxApplied {
        reasons = List.copyOf(reasons);
        byJurisdiction = List.copyOf(byJurisdiction);
    }

    /** No exchange's price difference among it. */
    public RecordRefundTaxApplied(String returnId, String calculationId, List<String> reasons,
                                  List<JurisdictionTax> byJurisdiction) {
        this(returnId, calculationId, reasons, byJurisdiction, null);
    }
}
