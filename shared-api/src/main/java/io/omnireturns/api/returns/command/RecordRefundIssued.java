package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import io.omnireturns.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordRefundIssued(@TargetAggregateIdentifier String returnId, String gatewayReference, Money amount) {
}
