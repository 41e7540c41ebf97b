package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning("The carrier scanned the parcel: it is on its way back.")
@Revision("1")
public record ReturnParcelInTransit(String returnId, String carrier, String trackingNumber) implements ReturnEvent {
}
