package io.omnireturns.command.connectors.crm;

public record CaseRequest(String idempotencyKey, String returnId, String customerId, String reason, String detail) {
}
