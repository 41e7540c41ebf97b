package io.omnireturns.api.ledger;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.RefundBreakdown;
import org.axonframework.serialization.Revision;

@EventMeaning("The order's ledger booked a return's refund against what the order's other returns already took back.")
@Revision("1")
public record RefundAllocated(String orderId, String returnId, RefundBreakdown breakdown) {
}
