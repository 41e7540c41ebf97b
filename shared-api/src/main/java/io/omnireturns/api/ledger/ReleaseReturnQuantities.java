package io.omnireturns.api.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Give back quantities a return held: all of them when it is rejected, cancelled or expired
 * ({@code quantitiesByLine} empty), or the named ones (items that never arrived).
 * {@code releaseId} makes a redelivered release harmless.
 */
public record ReleaseReturnQuantities(@TargetAggregateIdentifier String orderId, String returnId, String releaseId,
                                      Map<String, Integer> quantitiesByLine, String reason) {
}
