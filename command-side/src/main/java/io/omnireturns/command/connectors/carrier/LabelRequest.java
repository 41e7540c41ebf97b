package io.omnireturns.command.connectors.carrier;

public record LabelRequest(String idempotencyKey, String returnId, String customerId, String destinationLocationId,
                           int items) {
}
