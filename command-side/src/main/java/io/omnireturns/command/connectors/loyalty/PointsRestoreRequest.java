package io.omnireturns.command.connectors.loyalty;

/**
 * Give back {@code points} of those reversed for a return: the share of an early refund a clawback charged back.
 * Once per return, under {@code <returnId>:RESTORE_LOYALTY}.
 */
public record PointsRestoreRequest(String idempotencyKey, String returnId, String customerId, long points) {
}
