package io.omnireturns.api.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RequestedLine;

import java.util.List;
import java.util.Objects;

/**
 * What a shopper (or an agent on their behalf) is about to return, to be priced before anything is requested: the
 * order, the channel and store it would come back through, and the lines with their reasons (a line naming a
 * {@code replacementSku} is priced as an exchange). {@code giftReturn: true} prices it as a gift return: its
 * recipient gets store credit or a gift card, never the buyer's payment back.
 */
public record QuoteRequest(String orderId, SalesChannel channel, String storeId, List<RequestedLine> lines,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean giftReturn) {

    public QuoteRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(channel, "channel");
        lines = List.copyOf(lines);
    }

    /** Not a gift return. */
    public QuoteRequest(String orderId, SalesChannel channel, String storeId, List<RequestedLine> lines) {
        this(orderId, channel, storeId, lines, null);
    }

    public boolean isGiftReturn() {
        return Boolean.TRUE.equals(giftReturn);
    }
}
