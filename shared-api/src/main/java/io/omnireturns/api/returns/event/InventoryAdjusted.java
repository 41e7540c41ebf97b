package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InventoryAdjusted(String returnId, String adjustmentId, String orderLineId, String sku, Disposition disposition, String locationId, int quantity) implements ReturnEvent {
}
