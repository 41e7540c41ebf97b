package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment gateway charged back the shortfall of an early refund. */
public record RecordClawbackCharged(@TargetAggregateIdentifier String returnId, String gatewayReference,
                                    Money amount) {
}
