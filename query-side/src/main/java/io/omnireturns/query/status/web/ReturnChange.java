package io.omnireturns.query.status.web;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.returns.HoldReason;
import io.omnireturns.api.returns.ReturnStatus;

import java.time.Instant;

/**
 * A changed return on the all-returns stream: what the search lists, plus the view's version (rising with every
 * change, so a list keeps the newest it has seen).
 */
public record ReturnChange(String returnId, String orderId, String customerId, SalesChannel channel, String storeId,
                           ReturnStatus status, HoldReason holdReason, Instant createdAt, Instant updatedAt,
                           long version) {

    static ReturnChange of(ReturnStatusView view) {
        return new ReturnChange(view.returnId(), view.orderId(), view.customerId(), view.channel(), view.storeId(),
                view.status(), view.hold() == null ? null : view.hold().reason(), view.createdAt(), view.updatedAt(),
                view.version());
    }
}
