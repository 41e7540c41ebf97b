package io.omnireturns.api.integration;

/** {@code io.omnireturns.return.received.v1}: a warehouse or store received items of the return. */
public record ReturnReceivedV1(String returnId, String receiptId, String locationId) {
}
