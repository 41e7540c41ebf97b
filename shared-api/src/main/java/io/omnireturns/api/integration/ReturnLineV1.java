package io.omnireturns.api.integration;

import io.omnireturns.api.money.Money;

/**
 * One line of a return as the order had it.
 *
 * @param quantity        units asked to be returned
 * @param reason          the return reason code ({@code SIZE_OR_FIT}, {@code DEFECTIVE}, ...)
 * @param unitPrice       the unit's price on the order, before discounts and tax (minor units and currency)
 * @param orderedQuantity units bought on that order line
 */
public record ReturnLineV1(String orderLineId, String sku, String category, int quantity, String reason,
                           Money unitPrice, int orderedQuantity) {
}
