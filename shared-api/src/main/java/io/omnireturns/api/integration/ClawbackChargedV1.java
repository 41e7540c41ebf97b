package io.omnireturns.api.integration;

import io.omnireturns.api.money.Money;

/**
 * {@code io.omnireturns.return.clawback.charged.v1}: the payment gateway charged back the shortfall an inspection found
 * after an early refund, under its reference.
 */
public record ClawbackChargedV1(String returnId, String gatewayReference, Money amount) {
}
