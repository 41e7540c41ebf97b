package io.omnireturns.api.query;

/** The canonical status view of one return; answered with a {@link ReturnStatusView}, or nothing when unknown. */
public record FindReturnStatus(String returnId) {
}
