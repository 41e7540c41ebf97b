package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record IssueReturnLabel(@TargetAggregateIdentifier String returnId, String carrier, String trackingNumber, String labelUrl) {
}
