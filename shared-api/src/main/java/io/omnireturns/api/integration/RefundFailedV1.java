package io.omnireturns.api.integration;

/**
 * {@code io.omnireturns.return.refund.failed.v1}: the payment gateway did not refund. {@code finalFailure}: asking again
 * is pointless, a person takes over (the return is put on hold).
 */
public record RefundFailedV1(String returnId, String failureCode, @Meaning("asking again is pointless: a person takes over") boolean finalFailure) {
}
