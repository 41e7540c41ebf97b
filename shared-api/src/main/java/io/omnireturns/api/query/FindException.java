package io.omnireturns.api.query;

/** One exception of the queue; answered with an {@link ExceptionView}, or nothing when unknown. */
public record FindException(String exceptionId) {
}
