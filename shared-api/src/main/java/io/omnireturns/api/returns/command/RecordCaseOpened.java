package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.*;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordCaseOpened(@TargetAggregateIdentifier String returnId, String exceptionId, String caseId) {
}
