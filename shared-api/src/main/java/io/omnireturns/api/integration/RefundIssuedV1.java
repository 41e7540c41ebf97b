package io.omnireturns.api.integration;

import io.omnireturns.api.money.Money;

/** {@code io.omnireturns.return.refund.issued.v1}: the payment gateway accepted the refund, under its reference. */
public record RefundIssuedV1(String returnId, String gatewayReference, Money amount) {
}
