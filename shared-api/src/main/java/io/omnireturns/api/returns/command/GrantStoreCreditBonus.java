package io.omnireturns.api.returns.command;

import io.omnireturns.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add the quoted store-credit bonus to an approved store-credit refund, before it is requested; once. */
public record GrantStoreCreditBonus(@TargetAggregateIdentifier String returnId, Money bonus) {
}
