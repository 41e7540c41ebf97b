package io.omnireturns.api.integration;

/** {@code io.omnireturns.return.loyalty.reversed.v1}: loyalty points earned with the returned items were taken back. */
public record LoyaltyReversedV1(String returnId, @Meaning("points taken back from the customer's balance") long pointsReversed,
                                @Meaning("the loyalty system's reference of the reversal") String reference) {
}
