package io.omnireturns.command.connectors.crm;

public record CustomerNotification(String idempotencyKey, String returnId, String customerId, String milestone,
                                   String message) {
}
