package io.omnireturns.api.returns.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A free-text note on the return; {@code noteId} makes a repeated call harmless (the API's Idempotency-Key). */
public record AddReturnNote(@TargetAggregateIdentifier String returnId, String noteId, String text, String author) {
}
