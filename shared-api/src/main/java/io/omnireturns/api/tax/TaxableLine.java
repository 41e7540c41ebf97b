package io.omnireturns.api.tax;

import io.omnireturns.api.money.Money;

import java.util.Objects;

/**
 * One line the tax service is asked about. {@code amount} is the net amount (merchandise, shipping or price
 * difference, before tax); {@code restockingFee} the net fee the retailer keeps on it (zero for none).
 * {@code saleJurisdiction} is where the goods were sold, {@code returnJurisdiction} where they are taken back (the
 * store's, for a store return); {@code category} the item's tax category.
 */
public record TaxableLine(String lineId, TaxableKind kind, String category, Money amount, Money restockingFee,
                          String saleJurisdiction, String returnJurisdiction) {

    public TaxableLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        restockingFee = restockingFee == null ? Money.zero(amount.currency()) : restockingFee;
        if (!restockingFee.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("line " + lineId + " mixes " + amount.currency() + " and "
                    + restockingFee.currency());
        }
    }
}
