package io.omnireturns.api.integration;

/**
 * {@code io.omnireturns.return.completed.v1}: the refund (or replacement) is done, the credit memo posted and the
 * stock adjusted: the return is over (terminal).
 */
public record ReturnCompletedV1(String returnId) {
}
