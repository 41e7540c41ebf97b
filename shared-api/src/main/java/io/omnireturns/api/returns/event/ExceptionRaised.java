package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ExceptionRaised(String returnId, String exceptionId, ProcessStep step, String stepKey, ExternalSystem system, String failureCode, String message, int attempts) implements ReturnEvent {
}
