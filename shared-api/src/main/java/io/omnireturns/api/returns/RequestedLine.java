package io.omnireturns.api.returns;

/** A line the customer wants to send back: which order line, how many and why. */
public record RequestedLine(String orderLineId, int quantity, ReturnReason reason) {
}
