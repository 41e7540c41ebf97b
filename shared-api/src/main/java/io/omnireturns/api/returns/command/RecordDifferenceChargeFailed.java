package io.omnireturns.api.returns.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment gateway refused the exchange's price difference; {@code finalFailure}: no retry will help. */
public record RecordDifferenceChargeFailed(@TargetAggregateIdentifier String returnId, String failureCode,
                                           String message, boolean finalFailure) {
}
