package io.omnireturns.command.connectors.warehouse;

import java.util.List;

public record ReceiptAdvice(String idempotencyKey, String returnId, String locationId, String trackingNumber,
                            List<ExpectedItem> items) {

    public ReceiptAdvice {
        items = List.copyOf(items);
    }

    public record ExpectedItem(String orderLineId, String sku, int quantity) {
    }
}
