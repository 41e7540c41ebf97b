package io.omnireturns.api.integration;

/**
 * {@code io.omnireturns.return.clawback.charge_failed.v1}: the payment gateway did not charge back the shortfall of an
 * early refund. {@code finalFailure}: asking again is pointless, a person takes over (the exception queue).
 */
public record ClawbackChargeFailedV1(String returnId, String failureCode,
                                     @Meaning("asking again is pointless: a person takes over") boolean finalFailure) {
}
