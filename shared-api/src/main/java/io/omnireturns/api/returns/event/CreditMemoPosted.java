package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.tax.JurisdictionTax;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * {@code taxByJurisdiction}: the tax the credit memo posted per jurisdiction, where the refund's tax came from the
 * tax service (empty otherwise, and in events stored before it was recorded).
 */
@EventMeaning("The ERP posted the credit memo for the return's refund: the financial record of the refund.")
@Revision("1")
public record CreditMemoPosted(String returnId, String documentNumber, Money amount,
                               List<JurisdictionTax> taxByJurisdiction) implements ReturnEvent {

    public CreditMemoPosted {
        taxByJurisdiction = taxByJurisdiction == null ? List.of() : List.copyOf(taxByJurisdiction);
    }

    public CreditMemoPosted(String returnId, String documentNumber, Money amount) {
        this(returnId, documentNumber, amount, List.of());
    }
}
