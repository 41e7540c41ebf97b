package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ExceptionResolved(String returnId, String exceptionId, ProcessStep step, String stepKey, String resolution, String resolvedBy) implements ReturnEvent {
}
