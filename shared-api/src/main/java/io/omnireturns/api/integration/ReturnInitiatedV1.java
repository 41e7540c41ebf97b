package io.omnireturns.api.integration;

/** {@code io.omnireturns.return.initiated.v1}: a customer asked to return lines of an order, through a channel. */
public record ReturnInitiatedV1(String returnId, String orderId, String customerId, String channel, String storeId) {
}
