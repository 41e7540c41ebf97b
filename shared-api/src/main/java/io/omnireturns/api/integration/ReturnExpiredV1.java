package io.omnireturns.api.integration;

/** {@code io.omnireturns.return.expired.v1}: nothing arrived within the receipt window (terminal). */
public record ReturnExpiredV1(String returnId, String orderId) {
}
