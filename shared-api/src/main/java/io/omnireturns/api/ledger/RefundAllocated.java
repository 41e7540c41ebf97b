package io.omnireturns.api.ledger;

import io.omnireturns.api.returns.RefundBreakdown;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RefundAllocated(String orderId, String returnId, RefundBreakdown breakdown) {
}
