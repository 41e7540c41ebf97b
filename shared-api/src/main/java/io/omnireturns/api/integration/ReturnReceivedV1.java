package io.omnireturns.api.integration;

import java.util.List;

/**
 * {@code io.omnireturns.return.received.v1}: a warehouse or store received items of the return at a location. A line
 * whose {@code receivedSku} is set got a wrong item: it is held, not counted as received.
 */
public record ReturnReceivedV1(String returnId, String receiptId, String locationId, List<Line> lines,
                               @Meaning("lines that received another item than the one sold") List<String> wrongItemLineIds) {

    public ReturnReceivedV1 {
        lines = List.copyOf(lines);
        wrongItemLineIds = List.copyOf(wrongItemLineIds);
    }

    public record Line(String orderLineId, int quantity,
                       @Meaning("the SKU that arrived, when it is not the line's") @NullWhen("the item is the one expected") String receivedSku) {
    }
}
