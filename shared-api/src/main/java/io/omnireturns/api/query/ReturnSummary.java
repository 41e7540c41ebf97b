package io.omnireturns.api.query;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReturnStatus;

import java.time.Instant;

/** A return as a search lists it; {@code holdReason} is set only while the return is {@code ON_HOLD}. */
public record ReturnSummary(String returnId, String orderId, String customerId, SalesChannel channel, String storeId,
                            ReturnStatus status, HoldReason holdReason, Instant createdAt, Instant updatedAt) {
}
