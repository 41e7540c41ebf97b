package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("The carrier issued a return label with its tracking number.")
@Revision("1")
public record ReturnLabelIssued(String returnId, String carrier, String trackingNumber, String labelUrl) implements ReturnEvent {
}
