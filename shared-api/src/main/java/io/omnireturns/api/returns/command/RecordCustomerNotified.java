package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordCustomerNotified(@TargetAggregateIdentifier String returnId, String milestone, String channel) {
}
