package io.omnireturns.command.returns;

import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.command.StoredFieldByField;

import java.util.Objects;

/**
 * What the aggregate must remember of one line to decide: quantities through the logistics steps,
 * the inspection result and how much stock was adjusted. Changed only by event sourcing handlers.
 * Stored field by field in aggregate snapshots.
 */
@StoredFieldByField
final class ReturnLine {

    String orderLineId;
    String sku;
    int requestedQuantity;
    ReturnReason reason;
    int authorizedQuantity;
    int receivedQuantity;
    /** Kept by the customer ("keep it"): never shipped, counted as accepted at the best grade, written off. */
    int keptQuantity;
    int wrongItemQuantity;
    boolean inspected;
    int acceptedQuantity;
    int rejectedQuantity;
    Grade grade;
    Disposition disposition;
    int inventoryAdjustedQuantity;

    private ReturnLine() {
        // for snapshots
    }

    ReturnLine(String orderLineId, String sku, int requestedQuantity, ReturnReason reason) {
        this.orderLineId = orderLineId;
        this.sku = sku;
        this.requestedQuantity = requestedQuantity;
        this.reason = reason;
    }

    boolean isAuthorized() {
        return authorizedQuantity > 0;
    }

    /** Items accounted for without inspection at a counter or warehouse: received, or kept by the customer. */
    int settledQuantity() {
        return receivedQuantity + keptQuantity;
    }

    boolean awaitsInspection() {
        return receivedQuantity > 0 && !inspected;
    }

    // value equality: Axon's fixtures compare aggregate state built by commands with state sourced from events
    @Override
    public boolean equals(Object other) {
        return other instanceof ReturnLine line
                && requestedQuantity == line.requestedQuantity && authorizedQuantity == line.authorizedQuantity
                && receivedQuantity == line.receivedQuantity && keptQuantity == line.keptQuantity
                && wrongItemQuantity == line.wrongItemQuantity
                && inspected == line.inspected && acceptedQuantity == line.acceptedQuantity
                && rejectedQuantity == line.rejectedQuantity
                && inventoryAdjustedQuantity == line.inventoryAdjustedQuantity
                && Objects.equals(orderLineId, line.orderLineId) && Objects.equals(sku, line.sku)
                && reason == line.reason && grade == line.grade && disposition == line.disposition;
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderLineId, sku, requestedQuantity, authorizedQuantity, receivedQuantity, inspected);
    }
}
