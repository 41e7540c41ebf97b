package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordParcelInTransit(@TargetAggregateIdentifier String returnId, String carrier, String trackingNumber) {
}
