package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@EventMeaning("An open exception was closed: retried (RETRY) or settled by a hold decision (RESUME, REJECT, CANCEL).")
@Revision("1")
public record ExceptionResolved(String returnId, String exceptionId, ProcessStep step, String stepKey, String resolution, String resolvedBy) implements ReturnEvent {
}
