package io.omnireturns.api.query;

import java.time.Instant;

/** A refund attempt the payment gateway refused; a final failure puts the return on hold. */
public record RefundFailureView(String failureCode, String message, boolean finalFailure, Instant at) {
}
