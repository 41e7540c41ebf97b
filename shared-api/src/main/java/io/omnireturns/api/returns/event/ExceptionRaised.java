package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@EventMeaning("A process step used up its attempts: the return joined the exception queue with the failing "
        + "step, system and reason.")
@Revision("1")
public record ExceptionRaised(String returnId, String exceptionId, ProcessStep step, String stepKey, ExternalSystem system, String failureCode, String message, int attempts) implements ReturnEvent {
}
