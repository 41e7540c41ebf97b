package io.omnireturns.command.returns;

import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.ReturnReason;

/**
 * What the aggregate must remember of one line to decide: quantities through the logistics steps,
 * the inspection result and how much stock was adjusted. Changed only by event sourcing handlers.
 */
final class ReturnLine {

    final String orderLineId;
    final String sku;
    final int requestedQuantity;
    final ReturnReason reason;
    int authorizedQuantity;
    int receivedQuantity;
    int wrongItemQuantity;
    boolean inspected;
    int acceptedQuantity;
    int rejectedQuantity;
    Grade grade;
    Disposition disposition;
    int inventoryAdjustedQuantity;

    ReturnLine(String orderLineId, String sku, int requestedQuantity, ReturnReason reason) {
        this.orderLineId = orderLineId;
        this.sku = sku;
        this.requestedQuantity = requestedQuantity;
        this.reason = reason;
    }

    boolean isAuthorized() {
        return authorizedQuantity > 0;
    }

    boolean awaitsInspection() {
        return receivedQuantity > 0 && !inspected;
    }
}
