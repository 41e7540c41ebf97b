package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordWarehouseAdvised(@TargetAggregateIdentifier String returnId, String locationId, String adviceReference) {
}
