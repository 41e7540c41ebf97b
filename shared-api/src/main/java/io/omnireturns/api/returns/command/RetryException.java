package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Operations retry the failed step of an exception. */
public record RetryException(@TargetAggregateIdentifier String returnId, String exceptionId, String requestedBy) {
}
