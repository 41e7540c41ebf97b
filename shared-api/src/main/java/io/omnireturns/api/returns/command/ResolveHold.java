package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResolveHold(@TargetAggregateIdentifier String returnId, HoldDecision decision, String reason, String resolvedBy) {
}
