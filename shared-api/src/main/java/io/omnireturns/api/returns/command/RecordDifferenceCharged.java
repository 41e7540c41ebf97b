package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment gateway charged the exchange's price difference. */
public record RecordDifferenceCharged(@TargetAggregateIdentifier String returnId, String gatewayReference,
                                      Money amount) {
}
