package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WarehouseAdvised(String returnId, String locationId, String adviceReference) implements ReturnEvent {
}
