package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.money.Money;

import java.util.Objects;

/**
 * A product as the commerce system sells it today: {@code unitPrice} is what one unit costs the shopper, tax
 * included, in the catalogue's currency. An exchange's replacement is priced from here.
 */
public record CatalogueItem(String sku, String description, Money unitPrice) {

    public CatalogueItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("price of " + sku + " must not be negative, got " + unitPrice);
        }
    }
}
