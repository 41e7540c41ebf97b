package io.omnireturns.command.connectors.orders;

import java.util.List;

/** An exchange: the same value shipped again as another size or colour. */
public record ReplacementRequest(String idempotencyKey, String returnId, String originalOrderId, String customerId,
                                 List<Item> items) {

    public ReplacementRequest {
        items = List.copyOf(items);
    }

    public record Item(String originalOrderLineId, String replacementSku, int quantity) {
    }
}
