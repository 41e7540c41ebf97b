package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.returns.Disposition;

/** Stock movement for returned items: restock into the receiving location, write-off for scrap, and so on. */
public record InventoryAdjustmentRequest(String idempotencyKey, String returnId, String orderLineId, String sku,
                                         int quantity, Disposition disposition, String locationId) {
}
