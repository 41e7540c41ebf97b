package io.omnireturns.api.returns.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The loyalty programme gave back the points reversed for the share of an early refund a clawback charged back. */
public record RecordLoyaltyPointsRestored(@TargetAggregateIdentifier String returnId, long pointsRestored,
                                          String reference) {
}
