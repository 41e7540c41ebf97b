package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment gateway settled the refund (money has left). */
public record RecordRefundSettled(@TargetAggregateIdentifier String returnId, String gatewayReference) {
}
