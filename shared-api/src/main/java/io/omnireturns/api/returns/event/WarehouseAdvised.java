package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@EventMeaning("The warehouse was told to expect the return at a location.")
@Revision("1")
public record WarehouseAdvised(String returnId, String locationId, String adviceReference) implements ReturnEvent {
}
