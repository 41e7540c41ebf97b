package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CaseOpened(String returnId, String exceptionId, String caseId) implements ReturnEvent {
}
