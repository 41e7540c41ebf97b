package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@EventMeaning("One attempt of a process step failed against its system; retryable says whether another attempt "
        + "may pass.")
@Revision("1")
public record StepAttemptFailed(String returnId, ProcessStep step, String stepKey, ExternalSystem system, String failureCode, String message, boolean retryable, int attempt) implements ReturnEvent {
}
