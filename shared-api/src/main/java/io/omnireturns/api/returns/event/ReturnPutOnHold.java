package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReturnPutOnHold(String returnId, HoldReason reason, ExternalSystem system, String detail, ReturnStatus heldFrom) implements ReturnEvent {
}
