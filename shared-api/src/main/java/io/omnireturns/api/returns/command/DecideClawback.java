package io.omnireturns.api.returns.command;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.RefundMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Once a return refunded early is inspected: the refund calculator prices the inspected lines as a normal refund
 * would, and the return records the shortfall against the early refund ({@code ClawbackDecided}). Sent again, it
 * changes nothing.
 */
public record DecideClawback(@TargetAggregateIdentifier String returnId, String orderId, RefundMethod refundMethod,
                             List<RefundableLine> lines) {

    public DecideClawback {
        lines = List.copyOf(lines);
    }
}
