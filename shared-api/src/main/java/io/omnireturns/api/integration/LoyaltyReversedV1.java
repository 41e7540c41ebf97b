package io.omnireturns.api.integration;

/** {@code io.omnireturns.return.loyalty.reversed.v1}: loyalty points earned with the returned items were taken back. */
public record LoyaltyReversedV1(String returnId, long pointsReversed, String reference) {
}
