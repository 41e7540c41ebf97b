package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.tax.JurisdictionTax;

import java.util.List;

/** {@code taxByJurisdiction}: the tax the ERP posted per jurisdiction (empty: none given on the memo). */
public record CreditMemoReceipt(String documentNumber, Money amount, List<JurisdictionTax> taxByJurisdiction) {

    public CreditMemoReceipt {
        taxByJurisdiction = taxByJurisdiction == null ? List.of() : List.copyOf(taxByJurisdiction);
    }

    public CreditMemoReceipt(String documentNumber, Money amount) {
        this(documentNumber, amount, List.of());
    }
}
