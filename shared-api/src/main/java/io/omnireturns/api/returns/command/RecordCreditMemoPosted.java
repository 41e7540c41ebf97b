package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;
import io.omnireturns.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordCreditMemoPosted(@TargetAggregateIdentifier String returnId, String documentNumber, Money amount) {
}
