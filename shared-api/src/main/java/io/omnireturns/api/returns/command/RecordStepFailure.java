package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One attempt of a step against an external system failed. */
public record RecordStepFailure(@TargetAggregateIdentifier String returnId, ProcessStep step, String stepKey, String failureCode, String message, boolean retryable, int attempt) {
}
