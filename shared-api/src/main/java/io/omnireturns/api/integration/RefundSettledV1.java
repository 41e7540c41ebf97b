package io.omnireturns.api.integration;

/** {@code io.omnireturns.return.refund.settled.v1}: the refund settled on the customer's tender. */
public record RefundSettledV1(String returnId, String gatewayReference) {
}
