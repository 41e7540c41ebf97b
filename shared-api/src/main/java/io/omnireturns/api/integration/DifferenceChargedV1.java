package io.omnireturns.api.integration;

import io.omnireturns.api.money.Money;

/**
 * {@code io.omnireturns.return.difference.charged.v1}: the payment gateway took the price difference of an exchange
 * for a dearer item from the original card, under its reference.
 */
public record DifferenceChargedV1(String returnId, String gatewayReference, Money amount) {
}
