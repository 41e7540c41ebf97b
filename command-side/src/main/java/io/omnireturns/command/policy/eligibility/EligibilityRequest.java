package io.omnireturns.command.policy.eligibility;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RequestedLine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the eligibility policy judges: the order as bought, where the return is started
 * ({@code storeId} is set for store returns, null elsewhere), the lines asked for and when.
 */
public record EligibilityRequest(OrderSnapshot order, SalesChannel returnChannel, String storeId,
                                 List<RequestedLine> lines, Instant requestedAt) {

    public EligibilityRequest {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(order.soldThrough(), "order.soldThrough");
        Objects.requireNonNull(returnChannel, "returnChannel");
        Objects.requireNonNull(requestedAt, "requestedAt");
        lines = List.copyOf(lines);
    }
}
