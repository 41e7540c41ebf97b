package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("The ERP restated stock for one returned line by its disposition (restock at the receiving "
        + "location, write-off for scrap).")
@Revision("1")
public record InventoryAdjusted(String returnId, String adjustmentId, String orderLineId, String sku, Disposition disposition, String locationId, int quantity) implements ReturnEvent {
}
