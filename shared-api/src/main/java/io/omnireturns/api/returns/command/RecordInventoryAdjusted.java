package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordInventoryAdjusted(@TargetAggregateIdentifier String returnId, String adjustmentId, String orderLineId, String sku, Disposition disposition, String locationId, int quantity) {
}
