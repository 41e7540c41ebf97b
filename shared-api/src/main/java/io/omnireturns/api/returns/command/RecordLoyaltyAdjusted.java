package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordLoyaltyAdjusted(@TargetAggregateIdentifier String returnId, long pointsReversed, String reference) {
}
