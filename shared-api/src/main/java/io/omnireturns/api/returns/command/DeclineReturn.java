package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.DeclineReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person declines the return before any refund is decided; {@code note} is required for {@code OTHER}. */
public record DeclineReturn(@TargetAggregateIdentifier String returnId, DeclineReason reason, String note,
                            String declinedBy) {
}
