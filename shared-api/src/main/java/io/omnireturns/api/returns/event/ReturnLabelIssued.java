package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReturnLabelIssued(String returnId, String carrier, String trackingNumber, String labelUrl) implements ReturnEvent {
}
