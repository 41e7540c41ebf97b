package io.omnireturns.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One return a harness plays through the REST API, and the bodies of its calls, as the README walkthroughs make them:
 * <ul>
 *     <li>{@link Kind#WEB} mail-back: two lines (1 jacket, 2 t-shirts) of a copy of ORD-1001, refund to the original
 *     tender, received at DC-EAST;</li>
 *     <li>{@link Kind#STORE}: two lines of a copy of ORD-1005 at STORE-001, received there;</li>
 *     <li>{@link Kind#EXCHANGE}: a web mail-back of two lines of ORD-1001 with a replacement SKU per line.</li>
 * </ul>
 * Each return orders from its own copy of the demo order, {@code <prefix><demo number>-<run>-<n>} (the sandbox order
 * system's copy prefix), so quantities never run out.
 *
 * @param key           the return's own key: its idempotency key and the suffix of its receipt and inspection ids
 * @param rejectedWhole inspected as nothing accepted (every item scrapped), so no refund is due
 */
public record ReturnPlan(Kind kind, String orderId, String key, List<Line> lines, boolean rejectedWhole) {

    public enum Kind { WEB, STORE, EXCHANGE }

    /** A requested line: its order line, quantity, reason, and for an exchange the replacement SKU (else null). */
    public record Line(String orderLineId, int quantity, String reason, String replacementSku) {
    }

    public ReturnPlan {
        lines = List.copyOf(lines);
    }

    public static ReturnPlan of(Kind kind, String orderPrefix, String runId, long n, String key,
                                boolean rejectedWhole) {
        String orderId = orderPrefix + (kind == Kind.STORE ? "1005" : "1001") + "-" + runId + "-" + n;
        List<Line> lines = switch (kind) {
            case WEB -> List.of(new Line(orderId + "-L1", 1, "SIZE_OR_FIT", null),
                    new Line(orderId + "-L3", 2, "DEFECTIVE", null));
            case EXCHANGE -> List.of(new Line(orderId + "-L1", 1, "SIZE_OR_FIT", "JKT-RAIN-NVY-L"),
                    new Line(orderId + "-L2", 1, "SIZE_OR_FIT", "JNS-SLIM-IND-34"));
            case STORE -> List.of(new Line(orderId + "-L1", 1, "CHANGED_MIND", null),
                    new Line(orderId + "-L2", 2, "DEFECTIVE", null));
        };
        return new ReturnPlan(kind, orderId, key, lines, rejectedWhole);
    }

    /** Where the items are received: the store for a store return, else the distribution centre. */
    public String locationId() {
        return kind == Kind.STORE ? "STORE-001" : "DC-EAST";
    }

    /** Whether the return waits for the carrier's label before the warehouse receives it (a mail-back). */
    public boolean mailedBack() {
        return kind != Kind.STORE;
    }

    /** The body of {@code POST /api/v1/returns}. */
    public Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("channel", kind == Kind.STORE ? "STORE" : "WEB");
        if (kind == Kind.STORE) {
            body.put("storeId", "STORE-001");
        } else {
            body.put("refundMethod", kind == Kind.EXCHANGE ? "EXCHANGE" : "ORIGINAL_TENDER");
        }
        List<Map<String, Object>> requested = new ArrayList<>();
        for (Line line : lines) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("orderLineId", line.orderLineId());
            entry.put("quantity", line.quantity());
            entry.put("reason", line.reason());
            if (line.replacementSku() != null) {
                entry.put("replacementSku", line.replacementSku());
            }
            requested.add(entry);
        }
        body.put("lines", requested);
        return body;
    }

    /** The body of {@code POST /api/v1/returns/{id}/receipts}: every requested item, at {@link #locationId()}. */
    public Map<String, Object> receipt() {
        List<Map<String, Object>> received = new ArrayList<>();
        for (Line line : lines) {
            received.add(Map.of("orderLineId", line.orderLineId(), "quantity", line.quantity()));
        }
        return Map.of("receiptId", "RCPT-" + key, "locationId", locationId(), "lines", received);
    }

    /**
     * The body of {@code POST /api/v1/returns/{id}/inspections}: every item accepted as new and restocked, or, for a
     * return {@link #rejectedWhole()}, every item rejected as damaged and scrapped.
     */
    public Map<String, Object> inspection() {
        List<Map<String, Object>> inspected = new ArrayList<>();
        for (Line line : lines) {
            inspected.add(rejectedWhole
                    ? Map.of("orderLineId", line.orderLineId(), "acceptedQuantity", 0,
                            "rejectedQuantity", line.quantity(), "grade", "DAMAGED", "disposition", "SCRAP")
                    : Map.of("orderLineId", line.orderLineId(), "acceptedQuantity", line.quantity(),
                            "rejectedQuantity", 0, "grade", "NEW", "disposition", "RESTOCK"));
        }
        return Map.of("inspectionId", "INSP-" + key, "lines", inspected);
    }
}
