package io.omnireturns.api.integration;

/**
 * {@code io.omnireturns.return.difference.charge_failed.v1}: the payment gateway did not take the price difference of
 * an exchange. {@code finalFailure}: asking again is pointless, a person takes over (the exception queue).
 */
public record DifferenceChargeFailedV1(String returnId, String failureCode,
                                       @Meaning("asking again is pointless: a person takes over") boolean finalFailure) {
}
