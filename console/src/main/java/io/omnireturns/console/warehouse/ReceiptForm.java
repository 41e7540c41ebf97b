package io.omnireturns.console.warehouse;

import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.console.shell.WholeNumbers;

import java.util.ArrayList;
import java.util.List;

/**
 * The receipt form as typed: a location and, per line, the quantity received and, for a wrong item, the SKU that
 * arrived instead. A line left empty (or 0) received nothing this time. Text fields, so a wrong value is shown back.
 */
public class ReceiptForm {

    private String receiptId;
    private String locationId;
    private List<Line> lines = new ArrayList<>();

    /** One line of the form. */
    public static class Line {
        private String orderLineId;
        private String quantity;
        private String receivedSku;

        public Line() {
        }

        Line(String orderLineId) {
            this.orderLineId = orderLineId;
        }

        public String getOrderLineId() {
            return orderLineId;
        }

        public void setOrderLineId(String orderLineId) {
            this.orderLineId = orderLineId;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity;
        }

        public String getReceivedSku() {
            return receivedSku;
        }

        public void setReceivedSku(String receivedSku) {
            this.receivedSku = receivedSku;
        }
    }

    /** The lines received this time, or none with the problems found (in {@code problems}). */
    List<ReceivedLine> receivedLines(List<String> problems) {
        List<ReceivedLine> received = new ArrayList<>();
        for (Line line : lines) {
            if (line.orderLineId == null || line.orderLineId.isBlank()) {
                continue;
            }
            Integer quantity = WholeNumbers.parse(line.quantity, "Line " + line.orderLineId + ": the received quantity",
                    problems);
            if (quantity == null || quantity == 0) {
                continue;
            }
            String sku = line.receivedSku == null || line.receivedSku.isBlank() ? null : line.receivedSku.strip();
            received.add(new ReceivedLine(line.orderLineId.strip(), quantity, sku));
        }
        if (received.isEmpty() && problems.isEmpty()) {
            problems.add("Enter the quantity received for at least one line.");
        }
        return problems.isEmpty() ? received : List.of();
    }

    public String getReceiptId() {
        return receiptId;
    }

    public void setReceiptId(String receiptId) {
        this.receiptId = receiptId;
    }

    public String getLocationId() {
        return locationId;
    }

    public void setLocationId(String locationId) {
        this.locationId = locationId;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }
}
