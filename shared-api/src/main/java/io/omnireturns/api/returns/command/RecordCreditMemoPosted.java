package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.tax.JurisdictionTax;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** {@code taxByJurisdiction}: the tax the memo posted per jurisdiction (empty where the tax was the order's share). */
public record RecordCreditMemoPosted(@TargetAggregateIdentifier String returnId, String documentNumber, Money amount,
                                     List<JurisdictionTax> taxByJurisdiction) {

    public RecordCreditMemoPosted {
        taxByJurisdiction = taxByJurisdiction == null ? List.of() : List.copyOf(taxByJurisdiction);
    }

    public RecordCreditMemoPosted(String returnId, String documentNumber, Money amount) {
        this(returnId, documentNumber, amount, List.of());
    }
}
