package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@EventMeaning("A CRM case was opened for an exception of the return, so a person follows it up.")
@Revision("1")
public record CaseOpened(String returnId, String exceptionId, String caseId) implements ReturnEvent {
}
