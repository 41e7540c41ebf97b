package io.omnireturns.api.returns;

/**
 * A line the customer keeps ("keep it", green return): no parcel, no receipt, refunded at the best grade, its stock
 * written off. {@code rule} says why: {@code KEEP_IT_UNDER_VALUE} or {@code KEEP_IT_CATEGORY}.
 */
public record KeptLine(String orderLineId, int quantity, String rule) {
}
