package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An exchange settled by a replacement order instead of money. */
public record RecordReplacementOrderCreated(@TargetAggregateIdentifier String returnId, String replacementOrderId) {
}
