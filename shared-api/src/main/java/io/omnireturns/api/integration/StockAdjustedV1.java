package io.omnireturns.api.integration;

import io.omnireturns.api.returns.Disposition;

/**
 * {@code io.omnireturns.return.stock.adjusted.v1}: the ERP restated stock for one returned line by its disposition
 * (restocked at the location, refurbished, written off, ...).
 */
public record StockAdjustedV1(String returnId, String adjustmentId, String orderLineId, String sku,
                              @OneOf(Disposition.class) String disposition, String locationId,
                              @Meaning("units restated") int quantity) {
}
