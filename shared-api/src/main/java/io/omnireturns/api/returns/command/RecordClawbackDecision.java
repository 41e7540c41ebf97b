package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ClawbackKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What inspection would have refunded, and the policy's answer to the shortfall against the early refund. */
public record RecordClawbackDecision(@TargetAggregateIdentifier String returnId, Money inspectedRefund,
                                     ClawbackKind kind, Money amount, String chargeKey) {
}
