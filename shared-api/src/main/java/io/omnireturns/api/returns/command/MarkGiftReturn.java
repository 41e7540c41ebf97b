package io.omnireturns.api.returns.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The request said the items were a gift: the recipient's contact, and whether the policy lets the buyer know. */
public record MarkGiftReturn(@TargetAggregateIdentifier String returnId, String recipientName, String recipientEmail,
                             boolean buyerNotified) {
}
