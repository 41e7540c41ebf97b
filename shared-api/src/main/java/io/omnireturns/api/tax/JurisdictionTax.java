package io.omnireturns.api.tax;

import io.omnireturns.api.money.Money;

/** A tax figure of one jurisdiction: the taxable amount and the tax on it. */
public record JurisdictionTax(String jurisdiction, Money taxable, Money tax) {

    public JurisdictionTax plus(Money moreTaxable, Money moreTax) {
        return new JurisdictionTax(jurisdiction, taxable.plus(moreTaxable), tax.plus(moreTax));
    }
}
