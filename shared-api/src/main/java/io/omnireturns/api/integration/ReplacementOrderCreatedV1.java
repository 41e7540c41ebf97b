package io.omnireturns.api.integration;

/**
 * {@code io.omnireturns.return.replacement_order.created.v1}: for an exchange, the replacement order was created in the
 * order system instead of a refund.
 */
public record ReplacementOrderCreatedV1(String returnId, String replacementOrderId) {
}
