package io.omnireturns.api.orders;

import io.omnireturns.api.money.Money;

/**
 * One line of an order. {@code lineDiscount} is the line-level promotion total for the whole line;
 * order-level promotions are listed on the order and prorated over lines when a refund is computed.
 * {@code tax} is the tax charged for the whole line.
 */
public record OrderLine(
        String lineId,
        String sku,
        String description,
        String category,
        int quantity,
        Money unitPrice,
        Money lineDiscount,
        Money tax,
        boolean finalSale) {

    public Money grossAmount() {
        return unitPrice.times(quantity);
    }
}
