package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelReturn(@TargetAggregateIdentifier String returnId, String reason, String cancelledBy) {
}
