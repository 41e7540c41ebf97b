package io.omnireturns.command.orchestration.process;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnRequested;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The return's lines as its process counts them, part of {@link ReturnFacts}: what was authorized, kept, received,
 * inspected and moved in stock, by order line. Stored as the plain map it wraps, as rows have always held the lines.
 */
final class ReturnLines {

    /** What the process remembers of one return line. */
    static final class Line {
        String sku;
        Money unitPrice;
        String replacementSku;
        int authorized;
        int received;
        /** Kept by the customer: never shipped, written off. */
        int kept;
        boolean inspected;
        Disposition disposition;
        boolean inventoryAdjusted;

        /** What the parcel holds of this line: the authorized items the customer does not keep. */
        int toShip() {
            return authorized - kept;
        }
    }

    @JsonValue
    private final Map<String, Line> byOrderLine;

    ReturnLines() {
        this(new LinkedHashMap<>());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private ReturnLines(Map<String, Line> byOrderLine) {
        this.byOrderLine = byOrderLine;
    }

    void requested(ReturnRequested event) {
        for (RequestedLine requested : event.lines()) {
            OrderLine ordered = event.order().line(requested.orderLineId()).orElseThrow();
            Line line = new Line();
            line.sku = ordered.sku();
            line.unitPrice = ordered.unitPrice();
            line.replacementSku = requested.replacementSku();
            byOrderLine.put(requested.orderLineId(), line);
        }
    }

    void authorized(ReturnAuthorized event) {
        for (LineDecision decision : event.decisions()) {
            line(decision.orderLineId()).authorized = decision.authorizedQuantity();
        }
    }

    /** Counts a receipt's items, wrong ones aside; the caller makes sure a receipt is counted once. */
    void received(ReturnItemsReceived event) {
        for (ReceivedLine received : event.lines()) {
            Line line = line(received.orderLineId());
            if (!received.isWrongItem(line.sku)) {
                line.received += received.quantity();
            }
        }
    }

    void inspected(ReturnLinesInspected event) {
        for (InspectedLine inspected : event.lines()) {
            Line line = line(inspected.orderLineId());
            line.inspected = true;
            line.disposition = inspected.disposition();
        }
    }

    /** Kept items are written off as they are: inspected at once, and scrapped. */
    void kept(ReturnLinesKept event) {
        for (KeptLine kept : event.lines()) {
            Line line = line(kept.orderLineId());
            line.kept = kept.quantity();
            line.inspected = true;
            line.disposition = Disposition.SCRAP;
        }
    }

    void inventoryAdjusted(String orderLineId) {
        line(orderLineId).inventoryAdjusted = true;
    }

    private Line line(String orderLineId) {
        return byOrderLine.computeIfAbsent(orderLineId, id -> new Line());
    }

    // ---- what the flow and the calls ask of the lines ---------------------------------------------------------

    Line get(String orderLineId) {
        return byOrderLine.get(orderLineId);
    }

    /** The lines by order line id, in the request's order. */
    Map<String, Line> byOrderLine() {
        return Collections.unmodifiableMap(byOrderLine);
    }

    /** Some authorized item is not kept by the customer: a parcel is expected. */
    boolean somethingToShip() {
        return byOrderLine.values().stream().anyMatch(line -> line.toShip() > 0);
    }

    /** Items of the return counted as received: the return can no longer expire. */
    boolean itemsReceived() {
        return byOrderLine.values().stream().anyMatch(line -> line.received > 0);
    }

    /** Lines whose stock moves by their disposition: inspected and (partly) received, or kept (written off). */
    Set<String> toRestock() {
        Set<String> restock = new LinkedHashSet<>();
        byOrderLine.forEach((id, line) -> {
            if (line.inspected && (line.received > 0 || line.kept > 0)) {
                restock.add(id);
            }
        });
        return restock;
    }

    /** Every line whose stock moves has moved. */
    boolean restocked() {
        return toRestock().stream().allMatch(id -> byOrderLine.get(id).inventoryAdjusted);
    }

    int authorizedItems() {
        return byOrderLine.values().stream().mapToInt(line -> line.authorized).sum();
    }

    /** What the parcel holds: the authorized items the customer does not keep. */
    int shippedItems() {
        return byOrderLine.values().stream().mapToInt(Line::toShip).sum();
    }

    /** What the authorized items were bought for; null for a return without lines. */
    Money authorizedValue() {
        Money total = null;
        for (Line line : byOrderLine.values()) {
            Money value = line.unitPrice.times(line.authorized);
            total = total == null ? value : total.plus(value);
        }
        return total;
    }
}
