package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StepAttemptFailed(String returnId, ProcessStep step, String stepKey, ExternalSystem system, String failureCode, String message, boolean retryable, int attempt) implements ReturnEvent {
}
