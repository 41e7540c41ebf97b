package io.omnireturns.api.returns.command;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.RefundMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Decide the refund of an inspected return in one step: the order's ledger allocates it (capped by what other returns
 * of the order took back), the return approves it and, when money is owed through the original tenders, records the
 * refund as requested under {@code paymentKey}. All in one transaction. When the ledger refuses, the return raises an
 * exception (step {@code REFUND_PAYMENT}, key {@code REFUND_DECISION}) instead: the outcome is always an event.
 * Sent again for a return already decided, it changes nothing.
 */
public record DecideRefund(@TargetAggregateIdentifier String returnId, String orderId, RefundMethod refundMethod,
                           List<RefundableLine> lines, String paymentKey) {

    public DecideRefund {
        lines = List.copyOf(lines);
    }
}
