package io.omnireturns.api.quote;

import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RequestedLine;

import java.util.List;
import java.util.Objects;

/**
 * What a shopper (or an agent on their behalf) is about to return, to be priced before anything is requested: the
 * order, the channel and store it would come back through, and the lines with their reasons (a line naming a
 * {@code replacementSku} is priced as an exchange).
 */
public record QuoteRequest(String orderId, SalesChannel channel, String storeId, List<RequestedLine> lines) {

    public QuoteRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(channel, "channel");
        lines = List.copyOf(lines);
    }
}
