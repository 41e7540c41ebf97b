package io.omnireturns.api.integration;

/** {@code io.omnireturns.return.cancelled.v1}: the return was withdrawn before anything was received (terminal). */
public record ReturnCancelledV1(String returnId, String orderId) {
}
