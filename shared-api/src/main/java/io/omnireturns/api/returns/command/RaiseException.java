package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A step exhausted its retries or was refused: the return waits for operations. */
public record RaiseException(@TargetAggregateIdentifier String returnId, ProcessStep step, String stepKey, String failureCode, String message, int attempts) {
}
