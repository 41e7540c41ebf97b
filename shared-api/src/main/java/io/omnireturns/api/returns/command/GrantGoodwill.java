package io.omnireturns.api.returns.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person approves the refund as a goodwill exception to the policy, before the refund is decided. */
public record GrantGoodwill(@TargetAggregateIdentifier String returnId, String reason, String grantedBy) {
}
