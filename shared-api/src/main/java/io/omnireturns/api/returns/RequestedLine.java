package io.omnireturns.api.returns;

/**
 * A line the customer wants to send back: which order line, how many and why. {@code replacementSku} names
 * the size or colour wanted instead, for an exchange.
 */
public record RequestedLine(String orderLineId, int quantity, ReturnReason reason, String replacementSku) {

    public RequestedLine(String orderLineId, int quantity, ReturnReason reason) {
        this(orderLineId, quantity, reason, null);
    }
}
