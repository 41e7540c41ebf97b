package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.RefundBreakdown;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The return approves a refund before inspection, as its order's ledger allocated it for the declared lines. */
public record ApproveEarlyRefund(@TargetAggregateIdentifier String returnId, RefundBreakdown breakdown) {
}
