package io.omnireturns.command.connectors.loyalty;

import io.omnireturns.api.money.Money;

public record PointsReversalRequest(String idempotencyKey, String returnId, String customerId, Money refundedAmount) {
}
