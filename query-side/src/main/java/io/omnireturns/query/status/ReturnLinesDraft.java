package io.omnireturns.query.status;

import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.query.ReturnLineView;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lines of a return's status view opened for change, in the order they were requested: the rules that span
 * lines (which received items count, how much stock is left to book) on top of each {@link ReturnLineDraft}. Part of
 * a {@link ReturnStatusDraft}, which says when.
 */
@PlainJava
final class ReturnLinesDraft {

    private final String returnId;
    private final Map<String, ReturnLineDraft> lines = new LinkedHashMap<>();

    private ReturnLinesDraft(String returnId) {
        this.returnId = returnId;
    }

    /** Product details come from the order snapshot taken at request time; a line the order lacks has none. */
    static ReturnLinesDraft requested(String returnId, List<RequestedLine> requestedLines, OrderSnapshot order) {
        ReturnLinesDraft draft = new ReturnLinesDraft(returnId);
        for (RequestedLine requested : requestedLines) {
            OrderLine orderLine = order.line(requested.orderLineId()).orElse(null);
            draft.lines.put(requested.orderLineId(), ReturnLineDraft.requested(requested.orderLineId(),
                    orderLine == null ? null : orderLine.sku(),
                    orderLine == null ? null : orderLine.description(),
                    requested.reason(), requested.replacementSku(), requested.quantity()));
        }
        return draft;
    }

    static ReturnLinesDraft of(String returnId, List<ReturnLineView> views) {
        ReturnLinesDraft draft = new ReturnLinesDraft(returnId);
        views.forEach(line -> draft.lines.put(line.orderLineId(), ReturnLineDraft.of(line)));
        return draft;
    }

    List<ReturnLineView> toViews() {
        return lines.values().stream().map(ReturnLineDraft::toView).toList();
    }

    void decided(List<LineDecision> decisions) {
        decisions.forEach(decision -> line(decision.orderLineId()).decided(decision));
    }

    void parcelInTransit() {
        lines.values().forEach(ReturnLineDraft::parcelInTransit);
    }

    /** Answers how many of the items received count for the return; a wrong item does not. */
    int received(ReturnItemsReceived event) {
        int received = 0;
        for (ReceivedLine receivedLine : event.lines()) {
            ReturnLineDraft line = line(receivedLine.orderLineId());
            // same rule as the aggregate: only a line it flagged, holding another SKU, is a wrong item
            if (event.wrongItemLineIds().contains(receivedLine.orderLineId()) && receivedLine.isWrongItem(line.sku)) {
                line.wrongItemReceived(receivedLine.quantity());
            } else {
                line.received(receivedLine.quantity());
                received += receivedLine.quantity();
            }
        }
        return received;
    }

    boolean anyReceived() {
        return lines.values().stream().anyMatch(line -> line.receivedQuantity > 0);
    }

    void inspected(ReturnLinesInspected event) {
        event.lines().forEach(inspected -> line(inspected.orderLineId()).inspected(inspected));
    }

    /** Inspection closed with these quantities of each line still missing. */
    void shortBy(Map<String, Integer> shortQuantitiesByLine) {
        shortQuantitiesByLine.forEach((lineId, quantity) -> {
            if (quantity > 0) {
                line(lineId).shortBy(quantity);
            }
        });
    }

    /** A person resolved the inspection mismatch: the inspected quantities stand. */
    void reviewed() {
        lines.values().forEach(ReturnLineDraft::reviewed);
    }

    /** A line the approved refund leaves out gets nothing, in the return's currency. */
    void refundApproved(List<LineRefund> lineRefunds, String currency) {
        Map<String, LineRefund> refundsByLine = lineRefunds.stream()
                .collect(Collectors.toMap(LineRefund::orderLineId, lineRefund -> lineRefund));
        lines.values().forEach(line -> line.refundApproved(refundsByLine.get(line.orderLineId), currency));
    }

    void refunded() {
        lines.values().forEach(ReturnLineDraft::refunded);
    }

    void inventoryAdjusted(String orderLineId, int quantity) {
        line(orderLineId).inventoryAdjusted(quantity);
    }

    /** The items inspection leaves to book in stock: every item received on an inspected line. */
    int inventoryToBook() {
        return lines.values().stream().filter(ReturnLineDraft::isInspected)
                .mapToInt(line -> line.receivedQuantity).sum();
    }

    int inventoryBooked() {
        return lines.values().stream().mapToInt(line -> line.inventoryAdjustedQuantity).sum();
    }

    private ReturnLineDraft line(String orderLineId) {
        ReturnLineDraft line = lines.get(orderLineId);
        if (line == null) {
            throw new IllegalStateException("return " + returnId + " has no line " + orderLineId);
        }
        return line;
    }
}
